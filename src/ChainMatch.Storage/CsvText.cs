using System.Text;

namespace ChainMatch.Storage;

/// <summary>Text of an uploaded CSV: UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), otherwise GB18030, what Excel writes on a Chinese Windows.</summary>
public static class CsvText
{
    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }
}
