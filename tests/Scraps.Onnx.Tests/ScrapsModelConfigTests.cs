using Scraps.Architecture;
using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests;

public sealed class ScrapsModelConfigTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void Subsampling_factor_maps_to_its_convolution_count(int factor, int convs)
    {
        Assert.Equal(convs, RandomScrapsWeights.TinyDims(factor).SubsamplingConvolutions);
    }

    [Fact]
    public void LoadNamed_small_has_the_cpu_sizes()
    {
        var config = ScrapsModelConfig.LoadNamed("small");

        Assert.Equal(("small", 128, 2, 4, 512, 256, 2, 80, 0), (config.Name, config.ModelDim, config.Layers, config.Heads, config.FfnDim, config.LstmHidden, config.AcousticSubsampling, config.MelBins, config.VocabSize));
        Assert.Equal(0.1, config.Dropout);
    }

    [Fact]
    public void LoadNamed_paper_has_the_paper_sizes()
    {
        var config = ScrapsModelConfig.LoadNamed("Paper");

        Assert.Equal(("paper", 256, 3, 8, 1024, 1024, 4), (config.Name, config.ModelDim, config.Layers, config.Heads, config.FfnDim, config.LstmHidden, config.AcousticSubsampling));
    }

    [Fact]
    public void ShippedFiles_in_the_output_folder_equal_the_embedded_configs()
    {
        foreach (var name in ScrapsModelConfig.ShippedNames)
        {
            var file = ScrapsModelConfig.Load(Path.Combine(AppContext.BaseDirectory, "configs", $"{name}.json"));
            Assert.Equal(ScrapsModelConfig.LoadNamed(name), file);
            Assert.Equal(file, ScrapsModelConfig.LoadNamedOrFile(name));
        }
    }

    [Fact]
    public void LoadNamed_rejects_an_unknown_name()
    {
        var e = Assert.Throws<ArgumentException>(() => ScrapsModelConfig.LoadNamed("huge"));

        Assert.Contains("small, paper", e.Message);
    }

    [Fact]
    public void Load_rejects_a_missing_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ScrapsModelConfig.Load("/nonexistent/model.json"));

        Assert.Contains("/nonexistent/model.json", e.Message);
    }

    [Fact]
    public void ToJson_round_trips_with_camel_case_names()
    {
        var config = ScrapsModelConfig.LoadNamed("small") with { VocabSize = 57 };

        var json = config.ToJson();

        Assert.Contains("\"lstmHidden\": 256", json);
        Assert.Contains("\"acousticSubsampling\": 2", json);
        Assert.DoesNotContain("subsamplingConvolutions", json);
        Assert.Equal(config, ScrapsModelConfig.Parse(json));
    }

    [Fact]
    public void Save_then_load_gives_the_same_config()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-config-{Guid.NewGuid():N}.json");
        try
        {
            var config = ScrapsModelConfig.LoadNamed("paper") with { VocabSize = 60, Name = "mine" };
            config.Save(path);

            Assert.Equal(config, ScrapsModelConfig.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{ \"modelDim\": 128, ", "invalid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8, \"hiddenSize\": 3 }", "hiddenSize")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 130, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8 }", "modelDim 130 must be divisible by heads 4")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 0, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8 }", "layers must be at least 1")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8, \"acousticSubsampling\": 3 }", "acousticSubsampling must be 1, 2 or 4")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8, \"dropout\": 1.0 }", "dropout must be in [0, 1)")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 127, \"layers\": 2, \"heads\": 1, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8 }", "positive even number")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 0, \"maxPositions\": 0 }", "lstmHidden must be at least 1, not 0; maxPositions must be at least 1")]
    [InlineData("{ \"name\": \"x\", \"modelDim\": 128, \"layers\": 2, \"heads\": 4, \"ffnDim\": 8, \"lstmHidden\": 8, \"maxPositions\": 8, \"vocabSize\": 1 }", "vocabSize must be at least 2")]
    public void Parse_rejects_bad_configs_naming_the_file_and_the_field(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ScrapsModelConfig.Parse(json, "my.json"));

        Assert.Contains("Model config my.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Parse_accepts_comments_and_trailing_commas()
    {
        var config = ScrapsModelConfig.Parse("""
            {
              // hand-edited
              "name": "edited", "modelDim": 32, "layers": 1, "heads": 2, "ffnDim": 64,
              "lstmHidden": 48, "maxPositions": 100, "vocabSize": 30,
            }
            """);

        Assert.Equal(("edited", 32, 1, 80, 30), (config.Name, config.ModelDim, config.AcousticSubsampling, config.MelBins, config.VocabSize));
    }

    [Fact]
    public void Validate_requires_a_vocabulary_unless_told_not_to()
    {
        var config = ScrapsModelConfig.LoadNamed("small");

        Assert.Same(config, config.Validate(requireVocabulary: false));
        Assert.Contains("vocabSize is 0", Assert.Throws<InvalidDataException>(() => config.Validate()).Message);
        var withVocabulary = config with { VocabSize = 40 };
        Assert.Same(withVocabulary, withVocabulary.Validate());
    }

    [Theory]
    [InlineData(1, 13, 13)]
    [InlineData(2, 13, 7)]
    [InlineData(2, 1, 1)]
    [InlineData(4, 13, 4)]
    [InlineData(4, 2, 1)]
    [InlineData(4, 1600, 400)]
    public void SubsampledLength_applies_the_integer_formula_per_convolution(int subsampling, long frames, long expected)
    {
        var config = ScrapsModelConfig.LoadNamed("small") with { AcousticSubsampling = subsampling };

        Assert.Equal(expected, config.SubsampledLength(frames));
    }
}
