using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BkTui.Core.Formats.TuyaKv;

/// <summary>
/// Parses Tuya "loose JSON" (<c>{Jsonver:1.1.8,module:CB2S,rl1_pin:7,}</c>: unquoted keys and strings,
/// trailing commas) and ordinary JSON into a <see cref="JsonNode"/>. Tolerant and bounded: depth 32,
/// 64 KiB; returns null instead of throwing.
/// </summary>
public static class TuyaLooseJson
{
    private const int MaxDepth = 32;

    public static JsonNode? TryParse(string text)
    {
        var t = text.TrimEnd('\0', ' ', '\r', '\n', '\t', '\xFF').TrimStart();
        if (t.Length == 0 || t.Length > 65536) return null;
        try
        {
            if (t[0] is '{' or '[') return JsonNode.Parse(t);
        }
        catch (JsonException) { }
        var pos = 0;
        var node = ParseValue(t, ref pos, 0);
        return node is JsonObject or JsonArray ? node : null;
    }

    private static JsonNode? ParseValue(string s, ref int pos, int depth)
    {
        if (depth > MaxDepth) return null;
        Skip(s, ref pos);
        if (pos >= s.Length) return null;
        switch (s[pos])
        {
            case '{':
            {
                pos++;
                var obj = new JsonObject();
                while (true)
                {
                    Skip(s, ref pos);
                    if (pos >= s.Length) return obj;
                    if (s[pos] == '}') { pos++; return obj; }
                    if (s[pos] == ',') { pos++; continue; }
                    var key = ReadToken(s, ref pos);
                    Skip(s, ref pos);
                    if (pos < s.Length && s[pos] == ':') pos++;
                    var value = ParseValue(s, ref pos, depth + 1);
                    if (key.Length > 0) obj[key] = value;
                    if (pos < s.Length && s[pos] is not (',' or '}')) pos++; // garbage: move on
                }
            }
            case '[':
            {
                pos++;
                var arr = new JsonArray();
                while (true)
                {
                    Skip(s, ref pos);
                    if (pos >= s.Length) return arr;
                    if (s[pos] == ']') { pos++; return arr; }
                    if (s[pos] == ',') { pos++; continue; }
                    var start = pos;
                    arr.Add(ParseValue(s, ref pos, depth + 1));
                    if (pos == start) pos++;
                }
            }
            default:
                return Scalar(ReadToken(s, ref pos));
        }
    }

    private static string ReadToken(string s, ref int pos)
    {
        Skip(s, ref pos);
        if (pos < s.Length && s[pos] == '"')
        {
            var end = s.IndexOf('"', pos + 1);
            if (end < 0) end = s.Length;
            var q = s[(pos + 1)..end];
            pos = Math.Min(end + 1, s.Length);
            return q;
        }
        var start = pos;
        while (pos < s.Length && s[pos] is not (',' or ':' or '}' or ']' or '{' or '[')) pos++;
        return s[start..pos].Trim();
    }

    private static JsonNode? Scalar(string token)
    {
        if (token == "null") return null;
        if (token == "true") return JsonValue.Create(true);
        if (token == "false") return JsonValue.Create(false);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && (token == "0" || token[0] != '0'))
            return JsonValue.Create(n);
        return JsonValue.Create(token);
    }

    private static void Skip(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
    }
}
