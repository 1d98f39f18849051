using System.Runtime.InteropServices;

namespace ChainMatch.Ranking.XGBoost;

/// <summary>A failed XGBoost call, with XGBoost's own error text.</summary>
public sealed class XGBoostException(string call, string message) : Exception($"XGBoost {call} failed: {message}")
{
    /// <summary>
    /// Throws when <paramref name="rc"/> is non-zero. XGBGetLastError is thread-local, so this must run on the
    /// calling thread straight after the call, before any await.
    /// </summary>
    internal static void Check(int rc, string call)
    {
        if (rc == 0) return;
        var text = Marshal.PtrToStringUTF8(NativeMethods.XGBGetLastError());
        throw new XGBoostException(call, string.IsNullOrWhiteSpace(text) ? $"return code {rc}" : text.Trim());
    }
}
