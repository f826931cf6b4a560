using System.Net;
using System.Net.Sockets;

namespace TalkBot.EndToEnd.Tests.Harness;

public static class FreePort
{
    /// <summary>A port the OS just handed out; another process could take it first, which is unlikely enough here.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool> hasExited, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"{what} exited before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{what} did not listen on port {port} within {timeout.TotalSeconds:0} s.");
    }
}
