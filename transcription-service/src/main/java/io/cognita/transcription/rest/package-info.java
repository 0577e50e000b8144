/** HTTP edge of transcription-service; its endpoints come with the transcription issue (health only for now). */
package io.cognita.transcription.rest;
