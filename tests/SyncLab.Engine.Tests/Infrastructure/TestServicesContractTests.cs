using Npgsql;
using RabbitMQ.Client;
using SyncLab.Testing;

namespace SyncLab.Engine.Tests.Infrastructure;

/// <summary>
/// The services the test command provides (or Testcontainers, where Docker runs) really answer:
/// a broken provisioning fails here with a plain message rather than deep inside a product test.
/// </summary>
public sealed class TestServicesContractTests
{
    [Fact]
    public async Task the_postgresql_server_hands_out_isolated_databases()
    {
        var a = await TestServices.CreateIsolatedPostgresDatabaseAsync("contract");
        var b = await TestServices.CreateIsolatedPostgresDatabaseAsync("contract");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(a).Database, new NpgsqlConnectionStringBuilder(b).Database);
        await using var connection = new NpgsqlConnection(a);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_database()", connection);
        Assert.Equal(new NpgsqlConnectionStringBuilder(a).Database, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task the_rabbitmq_broker_round_trips_a_message_through_a_quorum_queue()
    {
        var factory = new ConnectionFactory { Uri = new Uri(await TestServices.RabbitMqUriAsync()) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"synclab.contract.{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        try
        {
            await channel.BasicPublishAsync(string.Empty, queue, "hello"u8.ToArray());
            BasicGetResult? got = null;
            // A quorum queue confirms the write before it is visible; ask until it is (bounded by attempts, not time).
            for (var attempt = 0; attempt < 200 && got is null; attempt++)
            {
                got = await channel.BasicGetAsync(queue, autoAck: true);
            }
            Assert.NotNull(got);
            Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(got.Body.Span));
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }
}
