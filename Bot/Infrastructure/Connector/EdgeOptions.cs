namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// What the messaging endpoint accepts (section <c>Connector</c>): the largest body, the Teams service hosts the bot
/// follows, and the tenants it serves besides <c>MicrosoftAppTenantId</c>.
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "Connector";

    /// <summary>
    /// The Teams service hosts of the public cloud, GCC, GCC High and DoD (the well-known service endpoints of the
    /// Microsoft 365 Agents SDK's <c>TeamsServiceEndpoints</c>; PROTOCOL §3).
    /// </summary>
    public static readonly IReadOnlyList<string> TeamsServiceHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// The largest request body read, in bytes; larger requests get 413 before anything is read. Teams caps a message
    /// at about 28 KB and an Adaptive Card's payload likewise, so 256 KiB leaves room for channel data and entities.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Hosts a <c>serviceUrl</c> may name when the bot has an app id: exact host names, or <c>*.example.com</c> for
    /// its subdomains. Empty means <see cref="TeamsServiceHosts"/>. Without an app id only this machine is followed.
    /// </summary>
    public string[] ServiceHosts { get; set; } = [];

    /// <summary>Tenants served besides <c>MicrosoftAppTenantId</c> (a SingleTenant bot serves only that one otherwise).</summary>
    public string[] Tenants { get; set; } = [];

    public IReadOnlyList<string> EffectiveServiceHosts => ServiceHosts.Length > 0 ? ServiceHosts : TeamsServiceHosts;
}
