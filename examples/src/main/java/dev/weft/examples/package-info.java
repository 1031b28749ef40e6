/**
 * Code for users to copy: {@link dev.weft.examples.WeftClient} runs served flows over the Vert.x
 * event bus from any Vert.x application.
 */
package dev.weft.examples;
