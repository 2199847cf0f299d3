using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Tests.Firmware;

/// <summary>Synthetic OpenBeken-like images and releases JSON for the firmware tests.</summary>
internal static class TestFirmware
{
    /// <summary>An app (UA-style: CRC blocks, logical 0x10000) starting with an ARM vector table, encrypted for the key.</summary>
    public static byte[] App(string key, int blocks = 3000, int seed = 1) =>
        CodeImage.Encrypt(CrcBlocks.ToPhysical(PlainCode(blocks * CrcBlocks.DataSize, seed)), CodeImage.AppLogical, EfuseKey.Parse(key));

    /// <summary>A QIO-style whole image: 0x11000 bytes of bootloader (CRC blocks), then the app, all encrypted from logical 0.</summary>
    public static byte[] Full(string key, int seed = 2)
    {
        var logical = PlainCode(0x10000 + 2000 * CrcBlocks.DataSize, seed);
        PlainCode(64, seed + 1).CopyTo(logical, 0x10000); // the app's own vector table at logical 0x10000
        return CodeImage.Encrypt(CrcBlocks.ToPhysical(logical), 0, EfuseKey.Parse(key));
    }

    /// <summary>Random "code" whose first eight words are B / LDR pc vector entries, as every BK72xx image starts.</summary>
    private static byte[] PlainCode(int length, int seed)
    {
        var code = new byte[length];
        new Random(seed).NextBytes(code);
        BinaryPrimitives.WriteUInt32LittleEndian(code, 0xEA00000E);
        for (var i = 1; i < 8; i++) BinaryPrimitives.WriteUInt32LittleEndian(code.AsSpan(i * 4), 0xE59FF014);
        return code;
    }

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public sealed record Asset(string Name, string Url, long? Size = null, string? Digest = null);
    public sealed record Release(string Tag, string Published, bool Prerelease, params Asset[] Assets);

    public static string Feed(params Release[] releases) => JsonSerializer.Serialize(releases.Select(r => new Dictionary<string, object?>
    {
        ["tag_name"] = r.Tag, ["name"] = $"Release {r.Tag}", ["published_at"] = r.Published, ["prerelease"] = r.Prerelease,
        ["draft"] = false, ["html_url"] = "ignored",
        ["assets"] = r.Assets.Select(a => new Dictionary<string, object?>
        {
            ["name"] = a.Name, ["size"] = a.Size, ["browser_download_url"] = a.Url, ["digest"] = a.Digest, ["content_type"] = "application/octet-stream",
        }),
    }));

    /// <summary>Every file in the cache folder except the index: what a failed get must leave behind (nothing).</summary>
    public static string[] CacheFiles(string archive)
    {
        var dir = Path.Combine(archive, "firmware");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != "index.json").Select(f => Path.GetFileName(f)).ToArray()
            : [];
    }
}

/// <summary>A temporary archive folder, removed at the end of the test.</summary>
internal sealed class TempArchive : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("bktui-fw-").FullName;
    public void Dispose() { try { Directory.Delete(Root, true); } catch (IOException) { } }
}
