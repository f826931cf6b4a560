namespace TalkBot.Domain.People;

/// <summary>Party and discipline roles (SPEC §1). Assigned by an administrator, or held through a configured Entra group (<see cref="GroupRoles"/>).</summary>
public enum Role
{
    BureauSecretary,            // 局党委书记
    BureauCommitteeMember,      // 局党委班子成员
    DisciplineGroupLeader,      // 纪检监察组组长
    DeputyGroupLeader,          // 纪检监察组副组长
    UnitSecretary,              // 基层党委(党总支、党支部)书记
    UnitCommitteeMember,        // 基层党委(党总支、党支部)班子成员
    StationedDisciplineLeader,  // 市局纪委派驻纪检监察组组长
    UnitHead,                   // 单位主要领导
    Recorder,                   // 记录人
    DisciplineOffice,           // 纪委办(监察处)
    OrganizationDept,           // 组织部门
    CadreDeputySecretary,       // 分管干部的党委副书记
    DisciplineSecretary,        // 纪委书记
    Administrator,
    DisciplineOfficeHead,       // 纪委办(监察处)负责人: approves admonishment of 副处级 and below (002 §四2)
    OrganizationDeptHead,       // 组织部负责人: approves admonishment of 副处级 and below (002 §四2)
}

/// <summary>Cadre rank, used for admonishment approval routing (002 §四2).</summary>
public enum Rank
{
    /// <summary>科级及以下</summary>
    SectionAndBelow,
    /// <summary>副处级</summary>
    DeputyDivision,
    /// <summary>正处级</summary>
    Division,
}
