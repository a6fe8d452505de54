using Microsoft.Extensions.DependencyInjection;
using SyncLab.Estate;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>
/// The ERP's part of <c>POST /_synclab/reset</c>: the company seeded again from the estate (documents,
/// customers created since, subscriptions and price lists go), posting period open, no webhook work
/// pending, API pages as published (no upgrade), no tombstones (delta links from before answer 410 Gone), rate-limit windows empty.
/// </summary>
internal static class ErpReset
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ErpDb>();
        using (var lease = await services.GetRequiredService<ErpWriteGate>().EnterAsync(db, cancellationToken))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
            ErpSeeder.Seed(db, services.GetRequiredService<BusinessEstate>(), services.GetRequiredService<ErpCompany>());
            lease.Forget();
        }
        services.GetRequiredService<PostingPeriod>().Set(null, null);
        services.GetRequiredService<ApiUpgrade>().Reset();
        services.GetRequiredService<ChangeNotifier>().Reset();
        services.GetRequiredService<DeltaTracker>().Reset();
        services.GetService<RequestRateLimiter>()?.Clear();
    }
}
