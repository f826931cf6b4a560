namespace TalkBot.Bot.Features.Reach;

/// <summary>
/// Tells every active administrator, once per outage, that Graph refuses to install TalkBot and which permission it needs;
/// run by the scheduler (so an administrator TalkBot would itself have to install is not told from inside an install).
/// </summary>
public sealed class PermissionNotice(PeopleStore people, Messenger messenger)
{
    public const string Job = "ReachPermissionMissing";
    public const string Permission = "TeamsAppInstallation.ReadWriteSelfForUser.All";

    public static string Subject(DateTimeOffset since) => "since-" + since.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var administrators = (await people.ListAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.Active && p.Has(Role.Administrator)).Select(p => p.Id);
        await messenger.TellEachAsync(administrators, (_, l) => Card(l), cancellationToken, entry.Key).ConfigureAwait(false);
        return null;
    }

    public static AdaptiveCard Card(Locale l) => ReminderCard.Build(new ReminderView(
        l.Pick("无法为未打开 TalkBot 的人员安装应用", "TalkBot cannot be installed for people who never opened it"),
        [
            l.Pick($"Microsoft Graph 拒绝为用户安装 TalkBot：应用注册缺少应用程序权限 {Permission}（或 TeamsAppInstallation.ReadWriteForUser.All），或尚未经管理员同意。",
                $"Microsoft Graph refuses to install TalkBot for users: the app registration lacks the application permission {Permission} (or TeamsAppInstallation.ReadWriteForUser.All), or it has no admin consent."),
            l.Pick("在 Entra 管理中心为该应用注册添加此权限并“授予管理员同意”后，TalkBot 会在一小时内重试。在此之前，这些人员仍列为“无法送达”。",
                "Add it to the app registration in the Entra admin centre and grant admin consent; TalkBot tries again within the hour. Until then these people stay listed as unreachable."),
        ]), l);
}
