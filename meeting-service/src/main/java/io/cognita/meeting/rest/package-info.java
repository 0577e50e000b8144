/** HTTP edge of meeting-service; its endpoints come with the meeting issue (health only for now). */
package io.cognita.meeting.rest;
