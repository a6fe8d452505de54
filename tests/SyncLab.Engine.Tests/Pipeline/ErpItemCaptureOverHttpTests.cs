using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using SyncLab.Engine.Capture;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// The ERP item capture on an estate larger than its chunk (500 items), against the real ERP mirror over loopback HTTP,
/// the engine not running: a full sync saves chunk by chunk and the cursor last, and every item is queued once per process.
/// </summary>
public sealed class ErpItemCaptureOverHttpTests
{
    [Fact]
    public async Task a_first_poll_of_more_items_than_a_chunk_queues_each_once_and_a_second_poll_queues_nothing_again()
    {
        await using var host = await StagingHttp.StartMirrorsAsync(o => o with { Skus = 1_200 });
        var directory = Directory.CreateTempSubdirectory("synclab-capture-").FullName;
        try
        {
            await CaptureTwiceAsync(host, directory);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task CaptureTwiceAsync(StagingHost host, string directory)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(host.Clock);
        services.AddLogging();
        services.AddSyncEngine(new EngineOptions
        {
            ErpBaseUrl = host.Addresses["erp"],
            StorefrontBaseUrl = host.Addresses["storefront"],
            Store = EngineStore.Sqlite(Path.Combine(directory, "engine.db"), syncEveryCommit: false),
        });
        await using var provider = services.BuildServiceProvider();
        var dbs = provider.GetRequiredService<IDbContextFactory<EngineDb>>();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
        }
        var capture = provider.GetServices<IChangeSource>().OfType<ErpItemCapture>().Single();

        var queued = await capture.PollAsync(CancellationToken.None);

        await using (var db = await dbs.CreateDbContextAsync())
        {
            // One key per canonical SKU (a drifted ERP number is the same SKU), one version each on a fresh estate.
            var skus = host.Estate.Items.Select(i => SkuRules.Canonical(i.Number)).Distinct().Count();
            Assert.True(skus > 2 * 500, $"the estate has {skus} SKUs: not several chunks");
            foreach (var process in ErpItemCapture.Processes)
            {
                Assert.Equal(skus, await db.WorkItems.Where(w => w.Process == process).Select(w => w.Key).Distinct().CountAsync());
                Assert.Equal(skus, await db.WorkItems.CountAsync(w => w.Process == process));
            }
            Assert.Equal(queued, await db.WorkItems.CountAsync());
            Assert.True((await db.Checkpoints.SingleAsync(c => c.Source == ErpItemCapture.Source)).CursorTicks > 0, "the cursor moved");
        }

        // The next poll reads the last changes again (the overlap window): all are queued already.
        Assert.Equal(0, await capture.PollAsync(CancellationToken.None));
        await using (var db = await dbs.CreateDbContextAsync())
        {
            Assert.Equal(queued, await db.WorkItems.CountAsync());
        }
    }
}
