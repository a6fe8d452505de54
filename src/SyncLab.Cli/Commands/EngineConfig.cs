using System.Text.Json;
using System.Text.Json.Serialization;
using SyncLab.Engine;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Distribution;

namespace SyncLab.Cli.Commands;

/// <summary>
/// The file <c>synclab engine --config</c> reads: where each system is, its credentials, the store, and whether the
/// node shares the work with others. Any string may be <c>"env:NAME"</c>, read from the environment variable NAME,
/// so secrets stay out of the file. Unknown or missing fields are errors, named with their path.
/// </summary>
internal sealed record EngineConfig
{
    public string Listen { get; init; } = "http://127.0.0.1:5200";

    public required ErpConfig Erp { get; init; }

    public required StorefrontConfig Storefront { get; init; }

    public WarehouseConfig? Warehouse { get; init; }

    public PosConfig? Pos { get; init; }

    public WebhooksConfig? Webhooks { get; init; }

    public string MerchantTimeZone { get; init; } = "UTC";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int Parallelism { get; init; } = 4;

    public required StoreConfig Store { get; init; }

    public DistributionConfig? Distribution { get; init; }

    /// <summary>The estate's mapping file (YAML, docs/engine.md "The mapping file"), relative to this file; none: the built-in mapping.</summary>
    public string? Mapping { get; init; }

    /// <summary>
    /// Request limits the ERP, the warehouse and the POS are paced to; a vendor not named is not paced. A field left out
    /// takes the vendor's documented figure (<c>"erp": {}</c> is Business Central online's 6,000 per 300 s,
    /// <c>"warehouse": {}</c> ShipStation's 200 per 60 s); Square publishes none, so <c>"pos"</c> needs both fields.
    /// </summary>
    public LimitsConfig? Limits { get; init; }

    internal sealed record ErpConfig(Uri BaseUrl, string Token, string? Company = null);

    internal sealed record StorefrontConfig(Uri BaseUrl, string Token, string? ApiVersion = null, string? Location = null, string? WebhookSecret = null);

    internal sealed record WarehouseConfig(Uri BaseUrl, string ApiKey, string? Name = null);

    internal sealed record PosConfig(Uri BaseUrl, string AccessToken);

    internal sealed record LimitsConfig(LimitConfig? Erp = null, LimitConfig? Warehouse = null, LimitConfig? Pos = null);

    internal sealed record LimitConfig(int? Requests = null, double? WindowSeconds = null);

    /// <summary>Webhooks from the ERP, the POS and the warehouse (docs/engine.md "Webhooks"); none: polling only.</summary>
    internal sealed record WebhooksConfig(Uri? CallbackBaseUrl = null, string? BusinessCentralClientState = null, string? SquareSignatureKey = null, Uri? ShipStationJwksUrl = null);

    /// <summary>Exactly one: a SQLite file (one node) or a PostgreSQL connection string.</summary>
    internal sealed record StoreConfig(string? Sqlite = null, string? Postgres = null);

    internal sealed record DistributionConfig(
        Uri RabbitMq, string Node, int? Shards = null, string? Estate = null, int? NodeIndex = null, int? NodeCount = null, TimeSpan? StandbyAfter = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks the file; a problem is an <see cref="EngineConfigException"/> with one line saying what and where.</summary>
    public static EngineConfig Load(string path, Func<string, string?> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineConfigException($"cannot read {path}: {e.Message}");
        }
        EngineConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<EngineConfig>(ResolveEnvironment(text, path, environment), Json);
        }
        catch (JsonException e)
        {
            throw new EngineConfigException($"{path}: {e.Message.Split('\n')[0]}");
        }
        return config ?? throw new EngineConfigException($"{path}: empty");
    }

    /// <summary>The engine's options from this file.</summary>
    public EngineOptions ToOptions(string path)
    {
        if ((Store.Sqlite is null) == (Store.Postgres is null))
        {
            throw new EngineConfigException($"{path}: store: give exactly one of \"sqlite\" (a file) or \"postgres\" (a connection string)");
        }
        if (Distribution is not null && Store.Postgres is null)
        {
            throw new EngineConfigException($"{path}: distribution: the nodes share their state in PostgreSQL: set store.postgres");
        }
        if (Parallelism is < 1 or > 64)
        {
            throw new EngineConfigException($"{path}: parallelism: {Parallelism} is not from 1 to 64");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(MerchantTimeZone, out _))
        {
            throw new EngineConfigException($"{path}: merchantTimeZone: '{MerchantTimeZone}' is not a time zone this machine knows");
        }
        var defaults = new EngineOptions { ErpBaseUrl = Erp.BaseUrl, StorefrontBaseUrl = Storefront.BaseUrl };
        var limits = new VendorLimits
        {
            Erp = Limit(path, "erp", Limits?.Erp, RequestLimit.BusinessCentralOnline),
            Warehouse = Limit(path, "warehouse", Limits?.Warehouse, RequestLimit.ShipStation),
            Pos = Limit(path, "pos", Limits?.Pos, documented: null),
        };
        var catalog = defaults.Catalog;
        if (Mapping is not null)
        {
            try
            {
                catalog = SyncLab.Engine.Mapping.MappingFile.Load(Path.Combine(Path.GetDirectoryName(path) ?? ".", Mapping));
            }
            catch (SyncLab.Engine.Mapping.MappingFileException e)
            {
                throw new EngineConfigException($"{path}: mapping: {e.Message}");
            }
        }
        return defaults with
        {
            ErpToken = Erp.Token,
            ErpCompany = Erp.Company,
            StorefrontToken = Storefront.Token,
            StorefrontApiVersion = Storefront.ApiVersion ?? defaults.StorefrontApiVersion,
            StorefrontLocation = Storefront.Location,
            StorefrontWebhookSecret = Storefront.WebhookSecret ?? defaults.StorefrontWebhookSecret,
            Webhooks = Webhooks is not { } w ? defaults.Webhooks : defaults.Webhooks with
            {
                CallbackBaseUrl = w.CallbackBaseUrl,
                BusinessCentralClientState = w.BusinessCentralClientState ?? defaults.Webhooks.BusinessCentralClientState,
                SquareSignatureKey = w.SquareSignatureKey,
                ShipStationJwksUrl = w.ShipStationJwksUrl,
            },
            WarehouseBaseUrl = Warehouse?.BaseUrl,
            WarehouseApiKey = Warehouse?.ApiKey ?? defaults.WarehouseApiKey,
            Warehouse = Warehouse?.Name,
            PosBaseUrl = Pos?.BaseUrl,
            PosAccessToken = Pos?.AccessToken ?? defaults.PosAccessToken,
            MerchantTimeZone = MerchantTimeZone,
            Catalog = catalog,
            PollInterval = PollInterval,
            Parallelism = Parallelism,
            Limits = limits,
            Store = Store.Postgres is { } pg ? EngineStore.Postgres(pg) : EngineStore.Sqlite(Store.Sqlite!),
            Distribution = Distribution is not { } d ? null : new DistributionOptions
            {
                RabbitMq = d.RabbitMq,
                Node = d.Node,
                Shards = d.Shards ?? 16,
                Estate = d.Estate ?? "synclab",
                NodeIndex = d.NodeIndex ?? 0,
                NodeCount = d.NodeCount ?? 1,
                StandbyAfter = d.StandbyAfter ?? TimeSpan.FromSeconds(30),
            },
        };
    }

    private static RequestLimit? Limit(string path, string vendor, LimitConfig? config, RequestLimit? documented)
    {
        if (config is null)
        {
            return null;
        }
        var requests = config.Requests ?? documented?.Requests
            ?? throw new EngineConfigException($"{path}: limits.{vendor}.requests: the vendor publishes no limit: give requests and windowSeconds");
        var seconds = config.WindowSeconds ?? documented?.Window.TotalSeconds
            ?? throw new EngineConfigException($"{path}: limits.{vendor}.windowSeconds: the vendor publishes no limit: give requests and windowSeconds");
        if (requests < 1)
        {
            throw new EngineConfigException($"{path}: limits.{vendor}.requests: {requests} is not a positive number of requests");
        }
        if (seconds is not (> 0 and <= 86_400))
        {
            throw new EngineConfigException($"{path}: limits.{vendor}.windowSeconds: {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not from 0 to 86400 seconds");
        }
        return new RequestLimit(requests, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Replaces every JSON string <c>"env:NAME"</c> by the variable's value; an unset variable is an error.</summary>
    private static string ResolveEnvironment(string text, string path, Func<string, string?> environment)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Resolve(node);
        return node?.ToJsonString() ?? "null";

        void Resolve(System.Text.Json.Nodes.JsonNode? n)
        {
            switch (n)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        if (value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("env:", StringComparison.Ordinal))
                        {
                            var name = s["env:".Length..];
                            o[key] = environment(name) ?? throw new EngineConfigException($"{path}: {value.GetPath()[2..]}: environment variable {name} is not set");
                        }
                        else
                        {
                            Resolve(value);
                        }
                    }
                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var item in a)
                    {
                        Resolve(item);
                    }
                    break;
            }
        }
    }
}

internal sealed class EngineConfigException(string message) : Exception(message);
