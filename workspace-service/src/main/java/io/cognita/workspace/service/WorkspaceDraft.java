package io.cognita.workspace.service;

import io.cognita.workspace.domain.Visibility;

/** A new workspace, or the fields of a change (null: unchanged; for description, "" clears it). */
public record WorkspaceDraft(String name, String description, Visibility visibility) {
}
