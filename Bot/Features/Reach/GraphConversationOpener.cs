using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Features.Reach;

/// <summary>
/// Reaches a cadre who never opened TalkBot (PROTOCOL §3, §6): installs the app for them through Graph (409: it was
/// there), opens the 1:1 conversation through the Bot Connector with the tenant id (Teams answers the same conversation
/// when asked again), and stores it as their reference, so the card goes out and later ones need none of this.
/// <para>
/// Never against their will: someone whose stored reference is marked removed (they uninstalled or blocked TalkBot:
/// <c>installationUpdate remove</c>, or a send answered 403/404) is not installed for again; they come back by opening
/// TalkBot themselves. Without the Graph permission, installs stop for <see cref="ReachOptions.PermissionRecheck"/>, the
/// administrators are told once (<see cref="PermissionNotice"/>), and people stay listed as unreachable.
/// </para>
/// </summary>
public sealed partial class GraphConversationOpener(
    TeamsAppInstaller installer,
    IConnectorClient connector,
    ConversationReferences conversations,
    TableSet tables,
    ReachStore store,
    ScheduleStore schedule,
    ReachOptions options,
    TimeProvider time,
    ILogger<GraphConversationOpener> logger) : IConversationOpener
{
    private const string Channel = "msteams";

    public async Task<PersonalConversation?> OpenAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return null;
        }

        // A reference marked removed: the person uninstalled or blocked TalkBot. Theirs to undo, not ours.
        var reference = await tables[ConversationReferences.Table].FindAsync<ConversationReferenceEntity>(person.Value, Channel, cancellationToken).ConfigureAwait(false);
        if (reference is { Removed: true })
        {
            LogNotReinstalled(logger, person.Value);
            return null;
        }

        var now = time.GetUtcNow();
        var missing = await store.PermissionMissingAsync(cancellationToken).ConfigureAwait(false);
        if (missing is not null && now - missing.TriedAt < options.PermissionRecheck)
        {
            return null;
        }

        var result = await installer.InstallAsync(person, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case InstallResult.Installed or InstallResult.AlreadyInstalled:
                if (missing is not null)
                {
                    await store.ClearPermissionMissingAsync(cancellationToken).ConfigureAwait(false);
                }

                await store.RecordInstallAsync(person, result == InstallResult.AlreadyInstalled, now, cancellationToken).ConfigureAwait(false);
                return await OpenConversationAsync(person, cancellationToken).ConfigureAwait(false);
            case InstallResult.PermissionMissing:
                var row = await store.MarkPermissionMissingAsync(now, cancellationToken).ConfigureAwait(false);
                LogPermissionMissing(logger);
                // Once per outage (keyed by when it began), by the scheduler: the administrators may need installing too.
                await schedule.AddAsync(new ScheduleEntry(PermissionNotice.Job, PermissionNotice.Subject(row.Since), null, now), cancellationToken).ConfigureAwait(false);
                return null;
            default:
                LogInstallFailed(logger, person.Value, result.ToString());
                return null;
        }
    }

    private async Task<PersonalConversation?> OpenConversationAsync(PersonId person, CancellationToken cancellationToken)
    {
        try
        {
            // PROTOCOL §3: the Entra object id as the member works once the app is installed for them.
            var created = await connector.CreateConversationAsync(options.ServiceUrl, options.BotId, options.BotName, person.Value, options.TenantId, cancellationToken).ConfigureAwait(false);
            var id = created.Id ?? throw new ConnectorException(502, null, "The Connector created a conversation but returned no id.", null);
            var member = await connector.GetConversationMemberAsync(options.ServiceUrl, id, person.Value, cancellationToken).ConfigureAwait(false);
            var conversation = new PersonalConversation(
                person, member?.Id ?? person.Value, member?.Name, options.BotId, options.BotName, id,
                created.ServiceUrl ?? options.ServiceUrl, Channel, options.TenantId, null);
            await conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
            return conversation;
        }
        catch (ConnectorException e)
        {
            LogConversationFailed(logger, person.Value, e.StatusCode, e.ErrorCode ?? "");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not installing TalkBot again for {Person}: they removed or blocked it")]
    private static partial void LogNotReinstalled(ILogger logger, string person);

    [LoggerMessage(Level = LogLevel.Error, Message = "Microsoft Graph refuses to install TalkBot: the app lacks TeamsAppInstallation.ReadWriteSelfForUser.All")]
    private static partial void LogPermissionMissing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Installing TalkBot for {Person} failed: {Result}")]
    private static partial void LogInstallFailed(ILogger logger, string person, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening a conversation with {Person} failed: HTTP {Status} {Code}")]
    private static partial void LogConversationFailed(ILogger logger, string person, int status, string code);
}
