namespace ChainMatch.Domain.Graph;

public sealed class GraphIntegrityException(string message) : Exception(message);
