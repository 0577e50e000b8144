/** HTTP edge of workspace-service; its endpoints come with the workspace issue (health only for now). */
package io.cognita.workspace.rest;
