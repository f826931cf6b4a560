using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Localization;

/// <summary>Display names of domain values, in the official Chinese terms (SPEC §1, §3; 000 §二, §三).</summary>
public static class Labels
{
    public static string Of(Role role, Locale locale) => role switch
    {
        Role.BureauSecretary => locale.Pick("局党委书记", "Bureau Party Secretary"),
        Role.BureauCommitteeMember => locale.Pick("局党委班子成员", "Bureau Party Committee Member"),
        Role.DisciplineGroupLeader => locale.Pick("纪检监察组组长", "Discipline Inspection Group Leader"),
        Role.DeputyGroupLeader => locale.Pick("纪检监察组副组长", "Deputy Discipline Inspection Group Leader"),
        Role.UnitSecretary => locale.Pick("基层党委（党总支、党支部）书记", "Unit Party Secretary"),
        Role.UnitCommitteeMember => locale.Pick("基层党委（党总支、党支部）班子成员", "Unit Party Committee Member"),
        Role.StationedDisciplineLeader => locale.Pick("市局纪委派驻纪检监察组组长", "Stationed Discipline Inspection Group Leader"),
        Role.UnitHead => locale.Pick("单位主要领导", "Head of Unit"),
        Role.Recorder => locale.Pick("记录人", "Recorder"),
        Role.DisciplineOffice => locale.Pick("纪委办（监察处）", "Discipline Office"),
        Role.OrganizationDept => locale.Pick("组织部门", "Organisation Department"),
        Role.CadreDeputySecretary => locale.Pick("分管干部的党委副书记", "Deputy Party Secretary for Cadres"),
        Role.DisciplineSecretary => locale.Pick("纪委书记", "Discipline Commission Secretary"),
        Role.Administrator => locale.Pick("管理员", "Administrator"),
        Role.DisciplineOfficeHead => locale.Pick("纪委办（监察处）负责人", "Head of the Discipline Office"),
        Role.OrganizationDeptHead => locale.Pick("组织部负责人", "Head of the Organisation Department"),
        _ => role.ToString(),
    };

    public static string Of(Rank rank, Locale locale) => rank switch
    {
        Rank.Division => locale.Pick("正处级", "Division level"),
        Rank.DeputyDivision => locale.Pick("副处级", "Deputy division level"),
        Rank.SectionAndBelow => locale.Pick("科级及以下", "Section level and below"),
        _ => rank.ToString(),
    };

    public static string Of(TalkKind kind, Locale locale) => kind switch
    {
        TalkKind.Routine => locale.Pick("日常廉政谈话", "Routine integrity talk"),
        TalkKind.Reminder => locale.Pick("廉政提醒谈话", "Integrity reminder talk"),
        TalkKind.Admonishment => locale.Pick("诫勉谈话", "Admonishment talk"),
        _ => kind.ToString(),
    };

    public static string Of(TalkFormat format, Locale locale) => format switch
    {
        TalkFormat.Individual => locale.Pick("个别谈话", "Individual talk"),
        TalkFormat.Collective => locale.Pick("集体谈话", "Collective talk"),
        _ => format.ToString(),
    };
}
