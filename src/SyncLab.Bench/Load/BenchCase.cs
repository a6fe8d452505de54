using System.Text;

namespace SyncLab.Bench.Load;

/// <summary>Whether a case reads or writes; each is compared with the bare endpoint doing the same.</summary>
public enum Operation
{
    Read,
    Write,
}

/// <summary>What a worker knows when it builds its next request: who it is, how many it sent, its own seeded dice.</summary>
public readonly record struct RequestContext(int Worker, long Sequence, Random Random);

/// <summary>
/// One request to send, and what its answer must contain to count as a success besides a 2xx status
/// (for example the SKU that was asked for), so a request that is answered wrongly never looks fast.
/// </summary>
public sealed record BenchRequest(HttpRequestMessage Message, byte[]? MustContain = null)
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>
/// One measured case: a target (server) and an operation on it. <paramref name="Next"/> builds each request;
/// <paramref name="MustNotContain"/> lists byte strings that make a 2xx answer an error anyway (GraphQL
/// answers 200 with <c>errors</c> or <c>userErrors</c>).
/// </summary>
public sealed record BenchCase(
    string Target,
    Operation Operation,
    string Request,
    Func<RequestContext, BenchRequest> Next,
    IReadOnlyList<byte[]>? MustNotContain = null)
{
    public string Name => $"{Target} {Operation.ToString().ToLowerInvariant()}";
}
