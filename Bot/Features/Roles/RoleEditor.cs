using System.Collections.Concurrent;
using System.Text.Json;
using TalkBot.Cards.Roles;

namespace TalkBot.Bot.Features.Roles;

/// <summary>
/// What the 角色管理 actions share (SPEC §1: an administrator assigns Party and discipline roles and ranks): the list to
/// choose a person from, and one person's editor with their recent history. Every action checks the caller (from the
/// activity, never from card data) before it reads anything; a refused or invalid request changes nothing.
/// </summary>
public sealed class RoleEditor(RoleAssignmentStore store, WorkingCalendar calendar)
{
    /// <summary>Changes shown under a person's roles.</summary>
    public const int HistoryShown = 5;

    /// <summary>The card to choose a person (from a short list, or by typeahead) or paste a CSV; <paramref name="person"/> re-shows a choice.</summary>
    public static AdaptiveCard Manage(PeopleLookup people, Person actor, Locale locale, string? person = null, string? csv = null, IReadOnlyList<string>? errors = null) =>
        RoleCards.Manage(new RoleManageView(people.ShortList(PersonScopes.RoleHolders(actor), actor, locale, [person]), person, csv, errors), locale);

    public async Task<AdaptiveCard> EditAsync(
        Person person, IReadOnlyList<Person> people, Locale locale, string? rolesValue, string? rankValue, IReadOnlyList<string>? errors, CancellationToken cancellationToken)
    {
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        var history = await store.HistoryAsync(person.Id, HistoryShown, cancellationToken).ConfigureAwait(false);
        var views = history.Select(h => new RoleHistoryView(
            h.At,
            h.ByName ?? names.GetValueOrDefault(new PersonId(h.By), h.By),
            Enum.TryParse<AssignmentSource>(h.Source, out var source) ? source : AssignmentSource.Card,
            RoleAssignmentStore.ParseRoles(h.RolesBefore),
            Enum.Parse<Rank>(h.RankBefore),
            RoleAssignmentStore.ParseRoles(h.RolesAfter),
            Enum.Parse<Rank>(h.RankAfter))).ToList();
        return RoleCards.Edit(
            new RoleEditView(person.Id, person.DisplayName, person.JobTitle, person.Roles, person.Rank, views, rolesValue, rankValue, errors),
            calendar.TimeZone, locale);
    }

    public static Person? FindActive(IReadOnlyList<Person> people, string? person) =>
        string.IsNullOrWhiteSpace(person)
            ? null
            : people.FirstOrDefault(p => p.Active && string.Equals(p.Id.Value, person.Trim(), StringComparison.OrdinalIgnoreCase));

    // What was entered, re-shown as the editor's values: the roles it recognises, and the rank or none.
    public static string Entered(RoleAssignmentRequest request) => string.Join(',',
        request.Roles.Select(r => RoleTerms.TryParseRole(r, out var role) ? role.ToString() : null).OfType<string>());

    public static string EnteredRank(RoleAssignmentRequest request) =>
        RoleTerms.TryParseRank(request.Rank, out var rank) ? rank.Value.ToString() : "";

    public static AdaptiveCard Refused(Locale locale) => RefusalCard.Build(locale, locale.Pick("管理角色和职级", "manage roles and ranks"));
}

/// <summary>角色管理 / roles (and roles.show): the administrator's role card; anyone else is politely refused.</summary>
public sealed class ShowRoles(PeopleDirectory directory) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["角色管理", "roles"];

    public string Verb => Verbs.RolesShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ShowAsync(request!.Actor, request.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => ShowAsync(request!.Actor, request.Locale, cancellationToken);

    private async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return RoleEditor.Refused(locale);
        }

        return RoleEditor.Manage(await directory.CurrentAsync(cancellationToken).ConfigureAwait(false), actor, locale);
    }
}

/// <summary>载入当前角色 (roles.load): the chosen person's editor, prefilled with the roles and rank they hold now.</summary>
public sealed class LoadRoles(PeopleDirectory directory, RoleEditor editor) : ICardAction
{
    public string Verb => Verbs.RolesLoad;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        LoadAsync(request!.Actor, request.Locale, request.Text(RoleFields.Person), cancellationToken);

    /// <summary>The editor for the chosen person, prefilled with the roles and rank they hold now.</summary>
    private async Task<AdaptiveCard> LoadAsync(Person actor, Locale locale, string? person, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return RoleEditor.Refused(locale);
        }

        var directoryNow = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var people = directoryNow.All;
        if (RoleEditor.FindActive(people, person) is not { } chosen)
        {
            var problem = string.IsNullOrWhiteSpace(person)
                ? RuleViolation.Required(RoleFields.Person, RuleSources.Roles)
                : RoleAssignmentRules.PersonNotInDirectory(person.Trim());
            return RoleEditor.Manage(directoryNow, actor, locale, errors: [RuleMessages.Describe(problem, locale)]);
        }

        return await editor.EditAsync(chosen, people, locale, null, null, null, cancellationToken).ConfigureAwait(false);
    }
}
