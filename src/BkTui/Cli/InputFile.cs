namespace BkTui.Cli;

/// <summary>Reads an input file for a verb with a size cap, turning every failure into a clear message and exit code.</summary>
internal static class InputFile
{
    /// <summary>Dumps are at most 16 MiB; anything beyond 64 MiB is not a flash image and is refused before reading.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static bool TryRead(string? path, out byte[] data, out int exitCode)
    {
        data = [];
        exitCode = ExitCodes.Ok;
        if (string.IsNullOrWhiteSpace(path)) return Fail("No input file given.", ExitCodes.Usage, out exitCode);
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) return Fail($"{path}: is a directory, not a dump file.", ExitCodes.BadInput, out exitCode);
            if (!info.Exists) return Fail($"{path}: no such file.", ExitCodes.BadInput, out exitCode);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Character devices and pipes report length 0; read at most MaxBytes + 1 to tell "too big".
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxBytes)
                    return Fail($"{path}: larger than {MaxBytes / (1024 * 1024)} MiB; BK72xx flash dumps are 1–16 MiB. Refusing to load it.", ExitCodes.BadInput, out exitCode);
            }
            data = buffer.ToArray();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail($"{path}: cannot read ({e.Message}).", ExitCodes.BadInput, out exitCode);
        }
    }

    private static bool Fail(string message, int code, out int exitCode)
    {
        Console.Error.WriteLine("error: " + message);
        exitCode = code;
        return false;
    }
}
