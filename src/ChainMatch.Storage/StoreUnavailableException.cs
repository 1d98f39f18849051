namespace ChainMatch.Storage;

/// <summary>
/// The store cannot be reached or keeps failing (connection refused, timeouts, an open circuit).
/// Reads go on from the last projection; the API answers writes with 503 and this message.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
