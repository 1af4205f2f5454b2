using System.Text.Json.Nodes;
using Scraps.Inference.Manifests;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Manifests;

public sealed class ScoreOutputFileTests
{
    private readonly string _path = Path.Combine(TestPackages.NewTempFolder(), "out.jsonl");

    [Fact]
    public void Write_appends_one_Json_object_a_line()
    {
        using (var output = ScoreOutputFile.OpenForAppend(_path))
        {
            Assert.Empty(output.CompletedIds);
            output.Write("u1", 1.25, 0.75, true);
            output.Write("u\"2", -3, 0.01, false);
        }

        var lines = File.ReadAllLines(_path);
        Assert.Equal(2, lines.Length);
        var first = JsonNode.Parse(lines[0])!;
        Assert.Equal("u1", (string)first["id"]!);
        Assert.Equal(1.25, (double)first["score"]!);
        Assert.Equal(0.75, (double)first["probability"]!);
        Assert.True((bool)first["match"]!);
        Assert.Equal("u\"2", (string)JsonNode.Parse(lines[1])!["id"]!);
    }

    [Fact]
    public void OpenForAppend_reads_the_ids_already_written_and_keeps_them()
    {
        using (var output = ScoreOutputFile.OpenForAppend(_path))
        {
            output.Write("a", 1, 0.5, true);
            output.Write("b", 2, 0.6, true);
        }

        using (var resumed = ScoreOutputFile.OpenForAppend(_path))
        {
            Assert.Equal(["a", "b"], resumed.CompletedIds.Order());
            resumed.Write("c", 3, 0.7, true);
        }

        Assert.Equal(["a", "b", "c"], File.ReadAllLines(_path).Select(l => (string)JsonNode.Parse(l)!["id"]!));
    }

    [Fact]
    public void OpenForAppend_drops_a_line_an_interrupted_run_left_unfinished()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, "{\"id\":\"a\",\"score\":1,\"probability\":0.5,\"match\":true}\n{\"id\":\"b\",\"sco");

        using (var output = ScoreOutputFile.OpenForAppend(_path))
        {
            Assert.Equal(["a"], output.CompletedIds);
            output.Write("b", 2, 0.6, true);
        }

        var lines = File.ReadAllLines(_path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("b", (string)JsonNode.Parse(lines[1])!["id"]!);
    }
}
