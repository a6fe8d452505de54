namespace SyncLab.Engine.Mapping;

/// <summary>A mapping file the engine cannot take: the message names the file, the line and the key, on one line.</summary>
public sealed class MappingFileException(string file, long line, string key, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {Where(key)}{problem}" : $"{file}: {Where(key)}{problem}")
{
    public string File { get; } = file;

    /// <summary>The 1-based line of the offending key or value; 0 when the file could not be read at all.</summary>
    public long Line { get; } = line;

    /// <summary>The dotted path of the offending key (<c>codeTables.lifecycle.DISCONTINUED</c>); empty for the file as a whole.</summary>
    public string Key { get; } = key;

    private static string Where(string key) => key.Length > 0 ? $"'{key}': " : string.Empty;
}
