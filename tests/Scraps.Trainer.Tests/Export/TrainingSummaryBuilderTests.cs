using Scraps.Trainer.Export;

namespace Scraps.Trainer.Tests.Export;

[Collection(ExportCollection.Name)]
public sealed class TrainingSummaryBuilderTests(ExportFixture fixture)
{
    [Fact]
    public void The_last_validation_row_is_the_newest_at_or_before_the_checkpoint_step()
    {
        var folder = fixture.NewFolder("csv");
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "valid.csv");
        File.WriteAllLines(csv, ["step,loss,auc_roc,note", "100,2.5,0.75,a", "200,NaN,0.8,b", "300,1.5,0.9,c", "broken"]);

        var row = TrainingSummaryBuilder.LastValidationRow(csv, 250)!;

        Assert.Equal(200, (double)row["step"]!);
        Assert.Null(row["loss"]);
        Assert.Equal(0.8, (double)row["aucRoc"]!);
        Assert.Equal("b", (string)row["note"]!);
        Assert.Null(TrainingSummaryBuilder.LastValidationRow(csv, 50));
        Assert.Null(TrainingSummaryBuilder.LastValidationRow(Path.Combine(folder, "missing.csv"), 50));
    }

    [Fact]
    public void A_run_started_from_other_weights_names_that_checkpoint_and_its_steps()
    {
        var started = TrainingSummaryBuilder.StartedFrom(fixture.Run);

        Assert.Equal(fixture.Run, (string)started["checkpoint"]!);
        Assert.Equal(ExportFixture.Steps, (long)started["steps"]!);
        Assert.Equal(16, (int)started["batchSize"]!);

        var gone = TrainingSummaryBuilder.StartedFrom(Path.Combine(fixture.Root, "deleted-run"));
        Assert.Null(gone["steps"]);
        Assert.Contains("not readable at export", (string)gone["note"]!);
    }

    [Fact]
    public void The_augmentations_of_the_run_are_recorded()
    {
        var options = new Scraps.Model.Training.TrainingOptions
        {
            Config = ScrapsModelConfig.LoadNamed("small") with { VocabSize = 12 },
            SpecAugment = true,
            MixAugmentProbability = 0.3,
            AugmentMaxAlpha = 0.6,
        };

        var recorded = TrainingSummaryBuilder.Augmentation(options);

        Assert.Equal((true, 0.0, 0.3, 0.6), ((bool)recorded["specAugment"]!, (double)recorded["noiseProbability"]!,
            (double)recorded["mixProbability"]!, (double)recorded["maxAlpha"]!));
        Assert.Null(TrainingSummaryBuilder.Augmentation(options with { MixAugmentProbability = 0 })["maxAlpha"]);
    }

    [Fact]
    public void The_corpus_summary_is_found_through_the_manifest_the_cache_was_built_from()
    {
        var corpus = TrainingSummaryBuilder.FindCorpusSummary(fixture.Cache)!;

        Assert.Equal(Path.Combine(fixture.Root, "corpus", "corpus.json"), (string)corpus["file"]!);
        Assert.Equal(ExportFixture.Clips, (int)corpus["clips"]!);
        Assert.True((double)corpus["hours"]! > 0);
        Assert.True((int)corpus["synthesizerVoices"]!["espeak-ng"]! > 1);

        var elsewhere = fixture.NewFolder("no-corpus");
        Directory.CreateDirectory(elsewhere);
        Assert.Null(TrainingSummaryBuilder.FindCorpusSummary(elsewhere));
    }
}
