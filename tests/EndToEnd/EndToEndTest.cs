using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Base for Playground scenarios: opens a fresh browser context per test and, when the scenario fails,
/// saves a screenshot and prints the peers' log so the failure can be understood from the test output.
/// </summary>
[Collection(PeersCollection.Name)]
public abstract class EndToEndTest(PeersFixture peers, ITestOutputHelper output)
{
    protected PeersFixture Peers { get; } = peers;

    protected async Task RunScenarioAsync(Func<PlaygroundPage, Task> scenario, [CallerMemberName] string name = "")
    {
        PlaygroundPage? playground = null;
        try
        {
            playground = await PlaygroundPage.OpenAsync(Peers);
            await scenario(playground);
        }
        catch (Exception)
        {
            if (playground is not null)
            {
                try
                {
                    output.WriteLine("Screenshot: " + await playground.ScreenshotAsync($"{name}-failed.png"));
                }
                catch (PlaywrightException e)
                {
                    output.WriteLine("No screenshot: " + e.Message);
                }
            }

            output.WriteLine("Peers' log (tail):");
            output.WriteLine(Peers.Log.Tail());
            throw;
        }
        finally
        {
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }
        }
    }
}
