namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>A setting the portal can't start with ends the start with one clear line and exit code 1, not a stack trace.</summary>
public class StartupFailureTests
{
    [Theory]
    [InlineData("", "ConnectionStrings:SqlServer is not set")]
    [InlineData("Server=db;Colour=blue", "ConnectionStrings:SqlServer is not a valid connection string")]
    public async Task SQL_Server_without_a_usable_connection_string_says_so_in_one_line(string connectionString, string expected)
    {
        var (exitCode, output) = await BackupTests.RunPortalAsync("--Database:Provider=SqlServer", $"--ConnectionStrings:SqlServer={connectionString}", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missions.example.ru")]
    [InlineData("ftp://missions.example.ru")]
    [InlineData("https://missions.example.ru/?a=1")]
    public async Task A_public_address_that_is_not_one_says_so_in_one_line(string url)
    {
        var (exitCode, output) = await BackupTests.RunPortalAsync($"--Portal:PublicUrl={url}", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("Portal:PublicUrl must be an absolute http or https address", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_retention_period_says_so_in_one_line()
    {
        var (exitCode, output) = await BackupTests.RunPortalAsync("--PersonalData:RetentionDays=-5", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("PersonalData:RetentionDays must be zero or a positive number of days", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
