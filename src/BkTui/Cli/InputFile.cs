using BkTui.Core.Inputs;

namespace BkTui.Cli;

/// <summary>Reads an input file for a verb with a size cap, turning every failure into a clear message and exit code.</summary>
internal static class InputFile
{
    /// <summary>Dumps are at most 16 MiB; anything beyond 64 MiB is not a flash image and is refused before reading.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static bool TryRead(string verb, string? path, out byte[] data, out int exitCode)
    {
        data = [];
        exitCode = ExitCodes.Ok;
        if (string.IsNullOrWhiteSpace(path)) return Fail(verb, "no input file given.", ExitCodes.Usage, out exitCode);
        try
        {
            data = RegularFile.Read(path, MaxBytes, "dump file", allowEmpty: true);
            return true;
        }
        catch (InputFileException e)
        {
            return Fail(verb, e.Message, ExitCodes.BadInput, out exitCode);
        }
    }

    private static bool Fail(string verb, string message, int code, out int exitCode)
    {
        exitCode = CliFailure.Say(verb, code, message);
        return false;
    }
}
