namespace SyncLab.Engine.Catalog;

/// <summary>The record cannot be synced as it stands; retrying will not help until the data changes.</summary>
public sealed class DataErrorException(string message) : Exception(message);
