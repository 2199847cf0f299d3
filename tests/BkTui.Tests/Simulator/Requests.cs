namespace BkTui.Tests.Simulator;

/// <summary>Request builders for tests (little-endian fields, protocol.md §4).</summary>
internal static class Requests
{
    public static byte[] Short(byte opcode, params byte[] payload) =>
        [0x01, 0xE0, 0xFC, (byte)(1 + payload.Length), opcode, .. payload];

    public static byte[] Long(byte opcode, params byte[] payload)
    {
        int len = 1 + payload.Length;
        return [0x01, 0xE0, 0xFC, 0xFF, 0xF4, (byte)len, (byte)(len >> 8), opcode, .. payload];
    }

    public static byte[] Crc(uint start, uint end) => Short(0x10, [.. BitConverter.GetBytes(start), .. BitConverter.GetBytes(end)]);
    public static byte[] Read4K(uint address) => Long(0x09, BitConverter.GetBytes(address));
    public static byte[] Erase(byte spiOpcode, uint address) => Long(0x0F, [spiOpcode, .. BitConverter.GetBytes(address)]);
    public static byte[] Write4K(uint address, byte[] data) => Long(0x07, [.. BitConverter.GetBytes(address), .. data]);
    public static byte[] Write(uint address, byte[] data) => Long(0x06, [.. BitConverter.GetBytes(address), .. data]);
    public static byte[] ReadReg(uint address) => Short(0x03, BitConverter.GetBytes(address));
    public static byte[] WriteReg(uint address, uint value) => Short(0x01, [.. BitConverter.GetBytes(address), .. BitConverter.GetBytes(value)]);
    public static byte[] LinkCheck => Short(0x00);

    public const int CrcReply = 11, Read4KReply = 4111, EraseReply = 16, Write4KReply = 15, WriteReply = 16, RegReply = 15;

    public static uint CrcValue(byte[] reply) => BitConverter.ToUInt32(reply, 7);
    public static byte Status(byte[] longReply) => longReply[10];
}
