using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// Ids for the Gherkin document and pickle messages of one feature. Reports merge the messages of every
/// feature in a run, so ids must be unique across features: each is prefixed with a hash of the feature's path.
/// Deterministic, so the same feature gets the same ids on every run.
/// </summary>
internal sealed class FeatureIdGenerator(string featurePath) : IIdGenerator
{
    private readonly string _prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(featurePath)))[..12];
    private int _next;

    public string GetNewId() => $"{_prefix}-{Interlocked.Increment(ref _next)}";
}
