using SyncLab.Testing;

namespace SyncLab.Engine.Tests.Distribution;

/// <summary><c>synclab engine --config</c> refuses a bad file with one line naming the problem and exit code 2, before it runs anything.</summary>
public sealed class EngineCommandTests
{
    private const string Systems = """
        "erp": { "baseUrl": "http://127.0.0.1:1/", "token": "t" },
        "storefront": { "baseUrl": "http://127.0.0.1:2/", "token": "t" }
        """;

    [Theory]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"pollIntervall\": \"00:01:00\" }", "pollIntervall")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\", \"postgres\": \"Host=x\" } }", "store: give exactly one")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"distribution\": { \"rabbitMq\": \"amqp://x/\", \"node\": \"a\" } }", "distribution: the nodes share their state in PostgreSQL")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"merchantTimeZone\": \"Mars/Olympus\" }", "merchantTimeZone")]
    [InlineData("{ \"erp\": { \"baseUrl\": \"http://127.0.0.1:1/\", \"token\": \"env:SYNCLAB_TEST_UNSET_TOKEN\" }, \"storefront\": { \"baseUrl\": \"http://127.0.0.1:2/\", \"token\": \"t\" }, \"store\": { \"sqlite\": \"e.db\" } }", "SYNCLAB_TEST_UNSET_TOKEN is not set")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"mapping\": \"no-such-mapping.yaml\" }", "mapping: ")]
    [InlineData("{ \"storefront\": { \"baseUrl\": \"http://127.0.0.1:2/\", \"token\": \"t\" }, \"store\": { \"sqlite\": \"e.db\" } }", "erp")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"limits\": { \"erp\": { \"requests\": 0 } } }", "limits.erp.requests")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"limits\": { \"warehouse\": { \"windowSeconds\": -60 } } }", "limits.warehouse.windowSeconds")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"limits\": { \"erp\": { \"perMinute\": 20 } } }", "perMinute")]
    [InlineData("{ " + Systems + ", \"store\": { \"sqlite\": \"e.db\" }, \"limits\": { \"pos\": { \"windowSeconds\": 1 } } }", "limits.pos.requests: the vendor publishes no limit")]
    public async Task a_bad_configuration_is_one_line_naming_the_problem_and_exit_code_2(string json, string named)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var path = Path.Combine(Directory.CreateTempSubdirectory("synclab-config-").FullName, "engine.json");
        await File.WriteAllTextAsync(path, json, limit.Token);
        using var cli = SynclabCli.Start("engine", "--config", path);
        var stdout = cli.StandardOutput.ReadToEndAsync(limit.Token);

        var stderr = await cli.StandardError.ReadToEndAsync(limit.Token);
        await cli.WaitForExitAsync(limit.Token);

        Assert.Equal(2, cli.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("synclab engine: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Empty(await stdout);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
