using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scraps.Deploy.Tests.Support;
using Scraps.Inference.Manifests;

namespace Scraps.Deploy.Tests;

/// <summary>
/// The Indexed batch-scoring Job: its arguments parse with the real <c>scraps</c> command tree for every index,
/// its shards cover the manifest once, a failed shard is retried alone, and its paths are on the shared volume
/// and in the CLI image.
/// </summary>
public sealed partial class BatchJobTests
{
    private static JsonObject Spec => Manifests.Job["spec"]!.AsObject();

    private static JsonObject Container => Manifests.SingleContainer(Manifests.Job);

    private static int Completions => int.Parse(Spec["completions"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    [Fact]
    public void It_is_an_indexed_job_whose_shards_are_retried_alone()
    {
        Assert.Equal("Indexed", Spec["completionMode"]!.GetValue<string>());
        Assert.True(int.Parse(Spec["backoffLimitPerIndex"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= 1);
        Assert.Null(Spec["backoffLimit"]); // a Job-wide limit would fail every shard for one shard's failures
        Assert.Equal("Never", Spec["template"]!["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.InRange(int.Parse(Spec["parallelism"]!.GetValue<string>(), CultureInfo.InvariantCulture), 1, Completions);
    }

    [Fact]
    public void For_every_index_the_arguments_parse_with_the_real_cli_and_select_that_shard_of_as_many_as_completions()
    {
        var root = ScrapsCommandTree.Create();
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Completions; index++)
        {
            var args = Arguments(index);

            var parsed = root.Parse(args);

            Assert.True(parsed.Errors.Count == 0, $"index {index}: scraps {string.Join(' ', args)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.Equal("score", parsed.CommandResult.Command.Name);
            var shard = ShardSpec.Parse(Value(parsed, "--shard"));
            Assert.Equal(index, shard.Index);
            Assert.Equal(Completions, shard.Count);
            Assert.True(outputs.Add(Value(parsed, "--out")), $"index {index} writes the same output as another shard");
        }
    }

    [Fact]
    public void The_completion_index_is_declared_so_that_the_arguments_expand()
    {
        var env = Container["env"]!.AsArray();
        var index = env.Single(e => e!["name"]!.GetValue<string>() == "JOB_COMPLETION_INDEX")!;

        Assert.Equal("metadata.annotations['batch.kubernetes.io/job-completion-index']", index["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        var declared = env.Select(e => e!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var referenced = RawArguments().SelectMany(a => Reference().Matches(a).Select(m => m.Groups[1].Value)).ToArray();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void The_manifest_and_the_outputs_are_on_the_shared_volume_claimed_by_the_batch()
    {
        var parsed = ScrapsCommandTree.Create().Parse(Arguments(0));
        var volumes = Spec["template"]!["spec"]!["volumes"]!.AsArray();
        var mount = Container["volumeMounts"]!.AsArray().Single(m =>
            volumes.Single(v => v!["name"]!.GetValue<string>() == m!["name"]!.GetValue<string>())!["persistentVolumeClaim"] is not null)!;
        var claim = volumes.Single(v => v!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!["persistentVolumeClaim"]!["claimName"]!.GetValue<string>();
        var mountPath = mount["mountPath"]!.GetValue<string>().TrimEnd('/') + "/";

        Assert.Equal(Manifests.JobVolumeClaim["metadata"]!["name"]!.GetValue<string>(), claim);
        Assert.Contains("ReadWriteMany", Manifests.JobVolumeClaim["spec"]!["accessModes"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.StartsWith(mountPath, Value(parsed, "--manifest"), StringComparison.Ordinal);
        Assert.StartsWith(mountPath, Value(parsed, "--out"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_is_the_cli_target_and_the_model_is_where_that_image_puts_it()
    {
        var cli = Dockerfile.Load("Dockerfile").Stage("cli");
        var parsed = ScrapsCommandTree.Create().Parse(Arguments(0));

        Assert.Equal("scraps-cli", Container["image"]!.GetValue<string>());
        Assert.EndsWith("scraps.dll", cli.Entrypoint[^1], StringComparison.Ordinal);
        Assert.Null(Container["command"]); // the arguments go to the image's scraps entrypoint
        var modelCopy = cli.CopiesFromContext.Single(c => c.Sources.Any(s => s.StartsWith("models/", StringComparison.Ordinal)));
        Assert.Equal(modelCopy.Destination.TrimEnd('/'), Value(parsed, "--model").TrimEnd('/'));
    }

    [Fact]
    public void An_input_error_fails_its_shard_at_once_and_an_eviction_does_not_count()
    {
        var rules = Spec["podFailurePolicy"]!["rules"]!.AsArray();
        var failIndex = rules.Single(r => r!["action"]!.GetValue<string>() == "FailIndex")!["onExitCodes"]!;
        var ignore = rules.Single(r => r!["action"]!.GetValue<string>() == "Ignore")!;

        Assert.Equal(Container["name"]!.GetValue<string>(), failIndex["containerName"]!.GetValue<string>());
        Assert.Equal("In", failIndex["operator"]!.GetValue<string>());
        Assert.Equal([ScrapsCommandTree.InputErrorExitCode.ToString(CultureInfo.InvariantCulture)], failIndex["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("DisruptionTarget", Assert.Single(ignore["onPodConditions"]!.AsArray())!["type"]!.GetValue<string>());
    }

    private static string[] RawArguments() => Container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    /// <summary>The arguments as Kubernetes expands them in the pod of <paramref name="index"/>.</summary>
    private static string[] Arguments(int index) =>
        RawArguments().Select(a => a.Replace("$(JOB_COMPLETION_INDEX)", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();

    private static string Value(ParseResult parsed, string option) =>
        parsed.CommandResult.Command.Options.Single(o => o.Name == option) is var declared && parsed.GetResult(declared)?.Tokens is [.., var token]
            ? token.Value
            : throw new Xunit.Sdk.XunitException($"the Job does not pass {option}");

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
