using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace SyncLab.Staging.Foreign;

/// <summary>JSON answers for the WireMock stubs: snake_case bodies and the stubs' one error shape, <c>{"error":{"status","code","message"}}</c>.</summary>
internal static class StubJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public const string ContentType = "application/json; charset=utf-8";

    public static string Body(object value) => JsonSerializer.Serialize(value, Options);

    public static string Error(int status, string code, string message) => Body(new { Error = new { Status = status, Code = code, Message = message } });

    /// <summary>A response for WireMock's dynamic callbacks, where the status depends on the request.</summary>
    public static ResponseMessage Answer(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new WireMockList<string>(ContentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };
}
