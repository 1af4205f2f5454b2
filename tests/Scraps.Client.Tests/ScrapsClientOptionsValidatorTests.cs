namespace Scraps.Client.Tests;

public sealed class ScrapsClientOptionsValidatorTests
{
    private static readonly ScrapsClientOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_with_an_address_are_valid()
    {
        var result = Validator.Validate(null, new ScrapsClientOptions { BaseAddress = new Uri("http://scraps-service:8080/") });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "BaseAddress")]
    [InlineData("relative/path", "BaseAddress")]
    [InlineData("ftp://scraps/", "BaseAddress")]
    public void A_missing_relative_or_non_http_address_is_refused(string? address, string option)
    {
        var options = new ScrapsClientOptions { BaseAddress = address is null ? null : new Uri(address, UriKind.RelativeOrAbsolute) };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(option, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_and_inconsistent_timeouts_are_refused_naming_each_option()
    {
        var options = new ScrapsClientOptions
        {
            BaseAddress = new Uri("http://scraps/"),
            MaxRetryAttempts = 0,
            AttemptTimeout = TimeSpan.FromSeconds(40),
            TotalTimeout = TimeSpan.FromSeconds(20),
            SamplingDuration = TimeSpan.FromSeconds(60),
        };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MaxRetryAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SamplingDuration", result.FailureMessage, StringComparison.Ordinal);
    }
}
