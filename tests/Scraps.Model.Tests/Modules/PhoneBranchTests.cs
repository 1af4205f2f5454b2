using Scraps.Model.Loss;
using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Modules;

public class PhoneBranchTests
{
    [Fact]
    public void The_reverse_index_reverses_each_clip_within_its_own_length_and_keeps_the_padding()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        var index = PhoneBranch.ReverseIndex(tensor(new long[] { 3, 5 }), 5, 1).squeeze(-1);

        Assert.Equal(new long[] { 2, 1, 0, 3, 4, 4, 3, 2, 1, 0 }, index.data<long>().ToArray());
    }

    [Theory]
    [InlineData(PhoneBranchConfig.Conv)]
    [InlineData(PhoneBranchConfig.BiLstm)]
    public void A_clips_output_does_not_depend_on_how_much_padding_follows_it(string kind)
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var branch = new PhoneBranch(16, new PhoneBranchConfig { Kind = kind, Layers = 2, Dim = 12, Kernel = 3 }, dropout: 0);
        branch.eval();
        var clip = randn(1, 7, 16);
        var alone = branch.forward(clip, tensor(new long[] { 7 }));
        var padded = branch.forward(cat([clip, zeros(1, 4, 16)], 1), tensor(new long[] { 7 }));

        Assert.Equal([1L, 7, 12], alone.shape);
        Assert.True(alone.allclose(padded.narrow(1, 0, 7), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void A_model_with_a_branch_gives_log_probabilities_at_25_ms_steps_with_their_lengths()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        manual_seed(4);
        var config = TestModels.Tiny(subsampling: 4) with { CtcHead = true, PhoneBranch = new PhoneBranchConfig { Layers = 1, Dim = 16, Kernel = 3 } };
        using var net = new ScrapsNet(config);
        net.eval();

        var outputs = net.EncodeAcoustic(randn(2, 21, 80), tensor(new long[] { 21, 9 }));

        Assert.Equal([2L, 11, 12], outputs.PhoneLogProbs!.shape);
        Assert.Equal(new long[] { 11, 5 }, outputs.PhoneStepLengths.data<long>().ToArray());
        Assert.Equal(new long[] { 6, 3 }, outputs.StepLengths.data<long>().ToArray());
        Assert.True(outputs.PhoneLogProbs.exp().sum(-1).allclose(ones(2, 11), rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void The_frame_loss_counts_labelled_steps_only()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        var logProbs = nn.functional.log_softmax(randn(2, 4, 5), -1);
        var targets = tensor(new long[] { 1, 2, Scraps.Model.Training.FrameTargets.Ignore, Scraps.Model.Training.FrameTargets.Ignore, 3, Scraps.Model.Training.FrameTargets.Ignore, Scraps.Model.Training.FrameTargets.Ignore, Scraps.Model.Training.FrameTargets.Ignore }).reshape(2, 4);
        var lp = logProbs.data<float>().ToArray();
        var expected = -(lp[1] + lp[5 + 2] + lp[20 + 3]) / 3;

        var loss = new FramePhoneLoss().Compute(logProbs, targets).item<float>();

        Assert.Equal(expected, loss, 4);
    }
}

public class MatchingLossTests
{
    [Fact]
    public void The_loss_is_lower_when_the_unsupported_phone_has_the_low_logit()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        // Row 0: the transcript (all supported); row 1: a near miss whose third phone is unsupported; token 1 is no phone.
        var labels = tensor(new long[] { 1, -1, 1, 1, 1, -1, 0, 1 }).reshape(2, 4);
        var pairs = tensor(new float[] { 1, 0 });
        var right = tensor(new float[] { 4, 0, 4, 4, 4, 0, -4, 4 }).reshape(2, 4);
        var wrong = tensor(new float[] { 4, 0, 4, 4, -4, 0, 4, 4 }).reshape(2, 4);

        var loss = new MatchingLoss();
        var good = loss.Compute(right, labels, pairs).item<float>();
        var bad = loss.Compute(wrong, labels, pairs).item<float>();

        Assert.True(good < 0.05, $"{good}");
        Assert.True(bad > 1, $"{bad}");
    }
}
