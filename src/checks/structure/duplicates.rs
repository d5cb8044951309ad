//! Duplicates: stakeholder, priority and target ids used twice (or not
//! given), channels listed twice, holidays listed twice, and stakeholders
//! holding no role.

use std::collections::{HashMap, HashSet};

use super::hours_with_pointers;
use super::matrix::matrix;
use crate::checks::{Code, Findings};
use crate::model::Agreement;

pub(super) fn duplicates(a: &Agreement, f: &mut Findings) {
    let mut seen = HashMap::new();
    for (i, s) in a.stakeholders.iter().enumerate() {
        if s.id.trim().is_empty() {
            f.error(
                Code::RequiredField,
                format!("/stakeholders/{i}/id"),
                format!("stakeholder {} has no id", i + 1),
                "give each stakeholder a short unique id, e.g. \"cio\"",
            );
        } else if let Some(first) = seen.insert(s.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/stakeholders/{i}/id"),
                format!(
                    "stakeholder id \"{}\" is used twice (also stakeholder {})",
                    s.id,
                    first + 1
                ),
                "give each stakeholder its own id; merge the entries if they are the same person",
            );
        }
        if s.roles.is_empty() {
            f.warning(
                Code::StakeholderWithoutRole,
                format!("/stakeholders/{i}/roles"),
                format!("stakeholder \"{}\" holds no role", s.id),
                "give them a role: customer, user, sponsor, service_provider or organization_contact",
            );
        }
    }
    let mut seen = HashMap::new();
    for (i, p) in a.support.priorities.iter().enumerate() {
        if let Some(first) = seen.insert(p.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/support/priorities/{i}/id"),
                format!(
                    "priority \"{}\" is defined twice (also priority {})",
                    p.id,
                    first + 1
                ),
                "give each priority its own id, e.g. P1 to P4",
            );
        }
    }
    let mut seen = HashMap::new();
    for (i, t) in a.service_levels.iter().enumerate() {
        if t.id.trim().is_empty() {
            f.error(
                Code::RequiredField,
                format!("/service_levels/{i}/id"),
                format!("service level target {} has no id", i + 1),
                "give each target a short id, e.g. \"SL1\"",
            );
        } else if let Some(first) = seen.insert(t.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/service_levels/{i}/id"),
                format!(
                    "service level target \"{}\" is defined twice (also target {})",
                    t.id,
                    first + 1
                ),
                "give each target its own id",
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, c) in a.support.channels.iter().enumerate() {
        if !seen.insert(c.name.as_str()) {
            f.warning(
                Code::DuplicateId,
                format!("/support/channels/{i}/name"),
                format!("support channel \"{}\" is listed twice", c.name),
                "remove the duplicate or give the channels distinct names",
            );
        }
    }
    for (base, hours) in hours_with_pointers(a) {
        let mut seen = HashSet::new();
        for (i, h) in hours.holidays.iter().enumerate() {
            let Some(date) = h.date.get() else {
                continue;
            };
            if !seen.insert(date) {
                f.info(
                    Code::DuplicateHoliday,
                    format!("{base}/holidays/{i}"),
                    format!("holiday {date} is listed twice"),
                    "remove the duplicate",
                );
            }
        }
    }
    matrix(a, f);
}
