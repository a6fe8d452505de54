namespace SyncLab.Mirrors.Pos.Square;

/// <summary>Square <c>Money</c>: an amount in the currency's smallest unit (cents for USD).</summary>
public sealed record Money(long Amount, string Currency);
