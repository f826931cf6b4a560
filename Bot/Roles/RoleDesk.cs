using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TalkBot.Bot.Storage;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Roles;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Bot.Roles;

/// <summary>
/// 角色管理: an administrator assigns Party and discipline roles and ranks (SPEC §1), one person on the card or many by
/// CSV. Every action checks the caller (from the activity, never from card data) before it reads anything; a refused
/// or invalid request changes nothing.
/// </summary>
public sealed partial class RoleDesk(
    PeopleRepository peopleRepository,
    RoleAssignmentStore store,
    WorkingCalendar calendar,
    ILogger<RoleDesk> logger)
{
    /// <summary>Changes shown under a person's roles.</summary>
    public const int HistoryShown = 5;

    // Each row is a few table calls; in parallel, a few hundred rows stay well inside Teams' invoke timeout.
    private const int ImportConcurrency = 8;

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);

    public async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return Refused(locale);
        }

        var people = await peopleRepository.ListAsync(cancellationToken).ConfigureAwait(false);
        return Manage(people, locale);
    }

    /// <summary>The editor for the chosen person, prefilled with the roles and rank they hold now.</summary>
    public async Task<AdaptiveCard> LoadAsync(Person actor, Locale locale, string? person, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return Refused(locale);
        }

        var people = await peopleRepository.ListAsync(cancellationToken).ConfigureAwait(false);
        if (FindActive(people, person) is not { } chosen)
        {
            var problem = string.IsNullOrWhiteSpace(person)
                ? RuleViolation.Required(RoleFields.Person, RuleSources.Roles)
                : new RuleViolation(RuleCode.PersonNotInDirectory, RuleSources.Roles, Arguments: new Dictionary<string, string> { ["person"] = person.Trim() });
            return Manage(people, locale, errors: [RuleMessages.Describe(problem, locale)]);
        }

        return await EditAsync(chosen, people, locale, null, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves one person's roles and rank from the editor. The same roles and rank again change nothing and add no audit
    /// line (a double click, a Teams retry). A refused save shows the editor again with the problems and what was entered.
    /// </summary>
    public async Task<AdaptiveCard> AssignAsync(Person actor, Locale locale, JsonElement data, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return Refused(locale);
        }

        var request = RoleFormInput.Read(data);
        var people = await peopleRepository.ListAsync(cancellationToken).ConfigureAwait(false);
        var check = RoleAssignmentRules.Check(actor, people, [request]);
        if (!check.IsValid)
        {
            var errors = check.Problems.Select(p => RoleFormInput.Describe(p, locale)).ToList();
            return FindActive(people, request.Person) is { } person
                ? await EditAsync(person, people, locale, Entered(request), EnteredRank(request), errors, cancellationToken).ConfigureAwait(false)
                : Manage(people, locale, errors: errors);
        }

        var assignment = check.Assignments[0];
        var outcome = await store.ApplyAsync(assignment, actor, AssignmentSource.Card, null, null, cancellationToken).ConfigureAwait(false);
        var name = people.First(p => p.Id == assignment.Person).DisplayName;
        switch (outcome)
        {
            case AssignmentOutcome.NotFound:
                return Manage(people, locale, errors: [RuleMessages.Describe(new RuleViolation(RuleCode.PersonNotInDirectory, RuleSources.Roles,
                    Arguments: new Dictionary<string, string> { ["person"] = name }), locale)]);
            case AssignmentOutcome.Busy:
                return ErrorCard.Busy(locale, $"{name}的角色", $"{name}'s roles");
            case AssignmentOutcome.Changed:
                LogAssigned(logger, assignment.Person.Value, actor.Id.Value, nameof(AssignmentSource.Card));
                break;
        }

        return RoleCards.Saved(new RoleSavedView(assignment.Person, name, assignment.Roles, assignment.Rank, outcome == AssignmentOutcome.Changed), locale);
    }

    /// <summary>
    /// Imports a pasted CSV: every row is checked first, and one bad row (each reported with its line) imports nothing.
    /// Otherwise every row is applied and each change audited; rows that change nothing are counted, not audited.
    /// </summary>
    public async Task<AdaptiveCard> ImportAsync(Person actor, Locale locale, string? text, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return Refused(locale);
        }

        var people = await peopleRepository.ListAsync(cancellationToken).ConfigureAwait(false);
        var csv = RoleCsvParser.Parse(text);
        if (csv.TooLong)
        {
            return Manage(people, locale, errors: [RoleCards.CsvTooLong(locale)]);
        }

        var check = RoleAssignmentRules.Check(actor, people, csv.Rows);
        var problems = csv.Problems.Concat(check.Problems).OrderBy(p => p.Line).ToList();
        if (problems.Count > 0)
        {
            return Manage(people, locale, csv: text, errors:
            [
                locale.Pick($"未导入：发现 {problems.Count} 处问题，请更正后重新导入。未作任何更改。",
                    $"Nothing imported: {problems.Count} problem(s) to correct first. Nothing has changed."),
                .. problems.Select(p => RoleFormInput.Describe(p, locale)),
            ]);
        }

        var import = Guid.NewGuid().ToString("N");
        var lines = check.Lines;
        var outcomes = new ConcurrentDictionary<PersonId, AssignmentOutcome>();
        await Parallel.ForEachAsync(
            check.Assignments,
            new ParallelOptions { MaxDegreeOfParallelism = ImportConcurrency, CancellationToken = cancellationToken },
            async (assignment, ct) => outcomes[assignment.Person] =
                await store.ApplyAsync(assignment, actor, AssignmentSource.Csv, import, lines[assignment.Person], ct).ConfigureAwait(false)).ConfigureAwait(false);

        var byId = people.ToDictionary(p => p.Id);
        var failed = check.Assignments.Where(a => outcomes[a.Person] is AssignmentOutcome.NotFound or AssignmentOutcome.Busy).ToList();
        var updated = check.Assignments.Where(a => outcomes[a.Person] == AssignmentOutcome.Changed).ToList();
        LogImported(logger, import, actor.Id.Value, updated.Count, check.Assignments.Count);
        if (failed.Count > 0)
        {
            // Storage refused some rows after the others were saved; importing the same CSV again finishes the job and
            // does not audit the saved rows twice.
            return Manage(people, locale, csv: text, errors:
            [
                locale.Pick($"已更新 {updated.Count} 人，但以下 {failed.Count} 行未能保存，请重新导入同一份数据：",
                    $"{updated.Count} people updated, but these {failed.Count} line(s) could not be saved; import the same data again:"),
                .. failed.Select(a => locale.Pick($"第{lines[a.Person]}行：{byId[a.Person].DisplayName}", $"Line {lines[a.Person]}: {byId[a.Person].DisplayName}")),
            ]);
        }

        return RoleCards.Imported(new RoleImportedView(
            [.. updated.OrderBy(a => lines[a.Person]).Select(a => new RoleImportLine(byId[a.Person].DisplayName, a.Roles, a.Rank))],
            check.Assignments.Count - updated.Count), locale);
    }

    private AdaptiveCard Manage(IReadOnlyList<Person> people, Locale locale, string? person = null, string? csv = null, IReadOnlyList<string>? errors = null) =>
        RoleCards.Manage(new RoleManageView(
            [.. people.Where(p => p.Active).OrderBy(p => p.DisplayName, ByName).Select(p => new PersonChoice(p.Id, p.DisplayName, p.JobTitle ?? p.UserPrincipalName))],
            person, csv, errors), locale);

    private async Task<AdaptiveCard> EditAsync(
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

    private static Person? FindActive(IReadOnlyList<Person> people, string? person) =>
        string.IsNullOrWhiteSpace(person)
            ? null
            : people.FirstOrDefault(p => p.Active && string.Equals(p.Id.Value, person.Trim(), StringComparison.OrdinalIgnoreCase));

    // What was entered, re-shown as the editor's values: the roles it recognises, and the rank or none.
    private static string Entered(RoleAssignmentRequest request) => string.Join(',',
        request.Roles.Select(r => RoleTerms.TryParseRole(r, out var role) ? role.ToString() : null).OfType<string>());

    private static string EnteredRank(RoleAssignmentRequest request) =>
        RoleTerms.TryParseRank(request.Rank, out var rank) ? rank.Value.ToString() : "";

    private static AdaptiveCard Refused(Locale locale) => RefusalCard.Build(locale, locale.Pick("管理角色和职级", "manage roles and ranks"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Roles of {Person} changed by {Actor} from the {Source}")]
    private static partial void LogAssigned(ILogger logger, string person, string actor, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role import {Import} by {Actor}: {Updated} of {Rows} people changed")]
    private static partial void LogImported(ILogger logger, string import, string actor, int updated, int rows);
}
