/** Engine internals: the component cache and catalog. Not API. */
package dev.weft.engine.impl;
