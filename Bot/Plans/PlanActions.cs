using System.Globalization;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Storage;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Plans;

/// <summary>本月计划 / plan: the caller's plan for this month.</summary>
public sealed class PlanCommand(PlanDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["本月计划", "plan"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        desk.ShowAsync(request.Actor, request.Locale, desk.CurrentMonth(), cancellationToken);
}

public sealed class PlanShowAction(PlanDesk desk) : ICardAction
{
    public string Verb => Verbs.PlanShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.ShowAsync(request.Actor, request.Locale, PlanMonth.TryParse(request.Text(PlanKeys.Month), out var month) ? month : desk.CurrentMonth(), cancellationToken);
}

/// <summary>The item a plan action names: month, talkee and tier, all from the card's data, checked against the caller's own plan.</summary>
internal static class PlanItemData
{
    public static bool TryRead(CardActionRequest request, out PlanMonth month, out PersonId talkee, out Tier tier)
    {
        talkee = default;
        tier = default;
        var ok = PlanMonth.TryParse(request.Text(PlanKeys.Month), out month);
        if (request.Text(PlanKeys.Talkee) is { Length: > 0 } id)
        {
            talkee = new PersonId(id);
        }
        else
        {
            ok = false;
        }

        if (int.TryParse(request.Text(PlanKeys.Tier), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && Enum.IsDefined((Tier)t))
        {
            tier = (Tier)t;
        }
        else
        {
            ok = false;
        }

        return ok;
    }

    public static Task<AdaptiveCard> InvalidAsync(PlanDesk desk, CardActionRequest request, CancellationToken cancellationToken) =>
        desk.ShowAsync(request.Actor, request.Locale, desk.CurrentMonth(), cancellationToken,
            errors: [request.Locale.Pick("这张卡片的数据不完整，请从「本月计划」重新操作。", "This card's data is incomplete; please start again from \"plan\".")]);
}

public sealed class PlanScheduleAction(PlanDesk desk) : ICardAction
{
    public string Verb => Verbs.PlanSchedule;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        PlanItemData.TryRead(request, out var month, out var talkee, out var tier)
            ? desk.ScheduleAsync(request.Actor, request.Locale, month, talkee, tier, cancellationToken)
            : PlanItemData.InvalidAsync(desk, request, cancellationToken);
}

public sealed class PlanDelegateAction(PlanDesk desk) : ICardAction
{
    public string Verb => Verbs.PlanDelegate;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!PlanItemData.TryRead(request, out var month, out var talkee, out var tier))
        {
            return PlanItemData.InvalidAsync(desk, request, cancellationToken);
        }

        if (request.Text(PlanKeys.Delegate(talkee.Value, tier)) is not { Length: > 0 } to)
        {
            return desk.ShowAsync(request.Actor, request.Locale, month, cancellationToken,
                errors: [request.Locale.Pick("请先选择委托给谁。", "Choose whom to delegate the talk to first.")]);
        }

        return desk.HandOverAsync(request.Actor, request.Locale, month, talkee, tier, new PersonId(to), cancellationToken);
    }
}

public sealed class PlanRecuseAction(PlanDesk desk) : ICardAction
{
    public string Verb => Verbs.PlanRecuse;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        PlanItemData.TryRead(request, out var month, out var talkee, out var tier)
            ? desk.HandOverAsync(request.Actor, request.Locale, month, talkee, tier, null, cancellationToken)
            : PlanItemData.InvalidAsync(desk, request, cancellationToken);
}

/// <summary>组织架构 / org: the caller's manager, unit, roles and rank, from the directory and the administrator's assignments.</summary>
public sealed class OrgDesk(PeopleRepository people, Directory.DirectorySync sync, WorkingCalendar calendar)
{
    public async Task<AdaptiveCard> ShowAsync(Domain.People.Person actor, Cards.Localization.Locale locale, CancellationToken cancellationToken)
    {
        var units = await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false);
        var manager = actor.ManagerId is { } m ? await people.FindAsync(m, cancellationToken).ConfigureAwait(false) : null;
        var unit = actor.UnitId is { } u ? units.FirstOrDefault(x => x.Id == u) : null;
        var view = new OrgView(actor.DisplayName, actor.JobTitle, unit?.Name, manager?.DisplayName, [.. actor.Roles.Order()], actor.Rank);
        // The last successful sync is for administrators (issue: shown to administrators).
        if (actor.Has(Domain.People.Role.Administrator) && await sync.LastAsync(cancellationToken).ConfigureAwait(false) is { } last)
        {
            view = view with { LastSync = calendar.ToLocal(last.At), PeopleCount = last.People };
        }

        return PlanCards.Org(view, locale);
    }
}

public sealed class OrgCommand(OrgDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["组织架构", "org"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => desk.ShowAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class OrgShowAction(OrgDesk desk) : ICardAction
{
    public string Verb => Verbs.OrgShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ShowAsync(request.Actor, request.Locale, cancellationToken);
}
