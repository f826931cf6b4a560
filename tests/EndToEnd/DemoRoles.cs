namespace TalkBot.EndToEnd.Tests;

/// <summary>The demo people the scenarios use (demo/README.md: who is who in the Playground).</summary>
public static class DemoRoles
{
    public const string FirstCadre = "周海涛";
    public const string Talker = "王正清";
    public const string Recorder = "刘芳";
}
