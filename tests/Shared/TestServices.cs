using System.Globalization;
using System.Text;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace SyncLab.Testing;

/// <summary>
/// Where tests find the real services they need (PostgreSQL, RabbitMQ, Chromium).
/// Order of precedence, per service:
/// 1. the environment variable set by <c>scripts/test</c> (or by you);
/// 2. a Testcontainers container, started once per test process, when a Docker engine is reachable;
/// 3. otherwise an <see cref="InvalidOperationException"/> that says how to provide the service.
/// A missing service is always a failure, never a silent skip.
/// </summary>
public static class TestServices
{
    /// <summary>Npgsql connection string of a PostgreSQL 15 server, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres</c>.</summary>
    public const string PostgresVariable = "SYNCLAB_TEST_POSTGRES";

    /// <summary>AMQP URI of a RabbitMQ broker, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public const string RabbitMqVariable = "SYNCLAB_TEST_RABBITMQ";

    /// <summary>Path of a Chromium executable, e.g. <c>/usr/bin/chromium</c>.</summary>
    public const string ChromiumVariable = "SYNCLAB_TEST_CHROMIUM";

    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DebianChromiumPath = "/usr/bin/chromium";

    private const string PostgresImage = "postgres:15";
    private const string RabbitMqImage = "rabbitmq:3.13";

    // PostgreSQL truncates identifiers to 63 bytes; keep the name well inside that.
    private const int MaxPrefixLength = 30;

    private static readonly Lazy<bool> DockerAvailable = new(ProbeDocker, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task<string>> Postgres = new(
        () => Resolve(PostgresVariable, "PostgreSQL", "Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres", StartPostgresContainerAsync),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task<string>> RabbitMq = new(
        () => Resolve(RabbitMqVariable, "RabbitMQ", "amqp://guest:guest@127.0.0.1:5672/", StartRabbitMqContainerAsync),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of the shared PostgreSQL server (its <c>postgres</c> database). Blocks on first use if a container must start.</summary>
    public static string PostgresConnectionString() => PostgresConnectionStringAsync().GetAwaiter().GetResult();

    /// <summary>Connection string of the shared PostgreSQL server (its <c>postgres</c> database).</summary>
    public static Task<string> PostgresConnectionStringAsync(CancellationToken cancellationToken = default) =>
        Postgres.Value.WaitAsync(cancellationToken);

    /// <summary>AMQP URI of the shared RabbitMQ broker. Blocks on first use if a container must start.</summary>
    public static string RabbitMqUri() => RabbitMqUriAsync().GetAwaiter().GetResult();

    /// <summary>AMQP URI of the shared RabbitMQ broker.</summary>
    public static Task<string> RabbitMqUriAsync(CancellationToken cancellationToken = default) =>
        RabbitMq.Value.WaitAsync(cancellationToken);

    /// <summary>Path of the Chromium executable: <c>SYNCLAB_TEST_CHROMIUM</c>, else <c>/usr/bin/chromium</c> if present.</summary>
    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"Chromium is required, but {ChromiumVariable}={configured} does not exist. " +
                    $"Run scripts/test (it installs Debian's chromium package), or point {ChromiumVariable} at a Chromium executable.");
        }

        return File.Exists(DebianChromiumPath)
            ? DebianChromiumPath
            : throw new InvalidOperationException(
                $"Chromium is required: run scripts/test (it installs Debian's chromium package), " +
                $"or set {ChromiumVariable}=/path/to/chromium.");
    }

    /// <summary>
    /// Creates a fresh, empty database with a unique name on the shared PostgreSQL server and returns
    /// a connection string for it, so tests isolate by data without restarting the server.
    /// </summary>
    /// <param name="prefix">Readable start of the database name (letters, digits, underscores; the rest is replaced).</param>
    /// <param name="cancellationToken">Cancels the wait and the CREATE DATABASE.</param>
    public static async Task<string> CreateIsolatedPostgresDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var server = await PostgresConnectionStringAsync(cancellationToken);
        var name = UniqueDatabaseName(prefix);

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            // template0 accepts no connections, so concurrent CREATE DATABASE calls never collide on it.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static string UniqueDatabaseName(string prefix)
    {
        var clean = new StringBuilder(MaxPrefixLength);
        foreach (var c in (prefix ?? string.Empty).ToLowerInvariant())
        {
            if (clean.Length == MaxPrefixLength)
            {
                break;
            }

            clean.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        if (clean.Length == 0 || !char.IsAsciiLetterLower(clean[0]))
        {
            clean.Insert(0, "t_");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{clean}_{Guid.NewGuid():N}");
    }

    private static async Task<string> Resolve(string variable, string service, string example, Func<Task<string>> startContainer)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!DockerAvailable.Value)
        {
            throw new InvalidOperationException(
                $"{service} is required: run scripts/test, or set {variable}={example} " +
                $"(no Docker engine is reachable, so Testcontainers cannot start one).");
        }

        try
        {
            return await startContainer();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"{service} is required: starting a Testcontainers {service} container failed ({e.Message}). " +
                $"Run scripts/test, or set {variable}={example}.", e);
        }
    }

    private static bool ProbeDocker()
    {
        try
        {
            // Testcontainers' auto-discovery pings each candidate endpoint; null means none answered.
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static async Task<string> StartPostgresContainerAsync()
    {
        var container = new PostgreSqlBuilder(PostgresImage).Build();
        await container.StartAsync();
        DisposeOnExit(container);
        return container.GetConnectionString();
    }

    private static async Task<string> StartRabbitMqContainerAsync()
    {
        var container = new RabbitMqBuilder(RabbitMqImage).Build();
        await container.StartAsync();
        DisposeOnExit(container);
        return container.GetConnectionString();
    }

    // Ryuk removes the container anyway if the process dies; this stops it promptly on a normal exit.
    private static void DisposeOnExit(IAsyncDisposable container) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
