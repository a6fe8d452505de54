using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SyncLab.Testing;
using Xunit;

namespace SyncLab.Mirrors.Tests.Cli;

/// <summary>
/// <c>synclab mirror &lt;system&gt;</c> as a user runs it: the built CLI in its own process, one mirror alone,
/// stopped by SIGINT (what Ctrl-C sends).
/// </summary>
public sealed partial class MirrorCommandTests
{
    /// <summary>Generous: a cold start of the CLI on a busy two-core CI machine; the test never waits longer than it must.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task the_erp_mirror_runs_alone_on_a_free_port_and_stops_cleanly_on_ctrl_c()
    {
        using var limit = new CancellationTokenSource(Patience);
        using var cli = Synclab("mirror", "erp", "--port", "0", "--skus", "10", "--clock-rate", "0");
        var stderr = cli.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            var banner = await ReadUntilAsync(cli, "listens on", limit.Token);
            var address = new Uri(ListensOn().Match(banner).Groups["url"].Value);
            Assert.StartsWith("erp (Microsoft Dynamics 365 Business Central API v2.0) listens on http://127.0.0.1:", banner, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = address };
            using (var health = await http.GetAsync("/health", limit.Token))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }
            using var companies = new HttpRequestMessage(HttpMethod.Get, "/api/v2.0/companies");
            companies.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cli-test");
            using (var vendor = await http.SendAsync(companies, limit.Token))
            {
                Assert.Equal(HttpStatusCode.OK, vendor.StatusCode);
                using var body = JsonDocument.Parse(await vendor.Content.ReadAsStringAsync(limit.Token));
                Assert.Equal("CRONUS USA, Inc.", body.RootElement.GetProperty("value")[0].GetProperty("name").GetString());
            }

            await InterruptAsync(cli, limit.Token);
            var rest = await cli.StandardOutput.ReadToEndAsync(limit.Token);
            await cli.WaitForExitAsync(limit.Token);

            Assert.True(cli.ExitCode == 0, $"exit code {cli.ExitCode}; stderr: {await stderr}");
            Assert.Contains("Stopped.", rest, StringComparison.Ordinal);
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("erp", "--port", "70000")]
    [InlineData("pos", "--store", "postgres", "--postgres", "")]
    public async Task bad_input_gets_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        using var limit = new CancellationTokenSource(Patience);
        using var cli = Synclab(["mirror", .. args]);
        var stdout = cli.StandardOutput.ReadToEndAsync(limit.Token);

        var stderr = await cli.StandardError.ReadToEndAsync(limit.Token);
        await cli.WaitForExitAsync(limit.Token);

        Assert.Equal(2, cli.ExitCode);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(await stdout);
    }

    [Fact]
    public async Task up_with_a_mapping_file_the_engine_cannot_take_names_its_line_and_key_on_one_line_and_exits_2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"synclab-mapping-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "mapping: 1\ncodeTables:\n  lifecycle:\n    DISCONTINUED: discontinued\n");
        try
        {
            using var limit = new CancellationTokenSource(Patience);
            using var cli = Synclab("up", "--base-port", "0", "--mapping", file);
            var stdout = cli.StandardOutput.ReadToEndAsync(limit.Token);

            var stderr = await cli.StandardError.ReadToEndAsync(limit.Token);
            await cli.WaitForExitAsync(limit.Token);

            Assert.Equal(2, cli.ExitCode);
            Assert.Equal($"synclab up: {file}:4: 'codeTables.lifecycle.DISCONTINUED': the code is 12 characters but the ERP's field holds 10: it can never match", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.Empty(await stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process Synclab(params string[] args) => SynclabCli.Start(args);

    private static Task<string> ReadUntilAsync(Process cli, string marker, CancellationToken ct) => SynclabCli.ReadUntilAsync(cli, marker, ct);

    /// <summary>SIGINT, as Ctrl-C sends it; Process.Kill would send SIGKILL, which no program can handle.</summary>
    private static async Task InterruptAsync(Process cli, CancellationToken ct)
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-INT", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync(ct);
        Assert.Equal(0, kill.ExitCode);
    }

    [GeneratedRegex(@"listens on (?<url>http://\S+?);")]
    private static partial Regex ListensOn();
}
