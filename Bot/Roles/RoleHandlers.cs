using TalkBot.Bot.Handlers;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Roles;

namespace TalkBot.Bot.Roles;

/// <summary>角色管理 / roles: the administrator's role card (SPEC §1); anyone else is politely refused.</summary>
public sealed class RolesCommand(RoleDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["角色管理", "roles"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        desk.ShowAsync(request.Actor, request.Locale, cancellationToken);
}

/// <summary>The role card again (返回 / 管理其他人员).</summary>
public sealed class ShowRolesAction(RoleDesk desk) : ICardAction
{
    public string Verb => Verbs.RolesShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.ShowAsync(request.Actor, request.Locale, cancellationToken);
}

/// <summary>载入当前角色: the chosen person's editor, prefilled with what they hold now.</summary>
public sealed class LoadRolesAction(RoleDesk desk) : ICardAction
{
    public string Verb => Verbs.RolesLoad;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.LoadAsync(request.Actor, request.Locale, request.Text(RoleFields.Person), cancellationToken);
}

/// <summary>保存: one person's roles and rank, audited once however often it is clicked.</summary>
public sealed class AssignRolesAction(RoleDesk desk) : ICardAction
{
    public string Verb => Verbs.RolesAssign;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.AssignAsync(request.Actor, request.Locale, request.Data, cancellationToken);
}

/// <summary>导入: the pasted CSV, all rows or none.</summary>
public sealed class ImportRolesAction(RoleDesk desk) : ICardAction
{
    public string Verb => Verbs.RolesImport;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.ImportAsync(request.Actor, request.Locale, request.Text(RoleFields.Csv), cancellationToken);
}
