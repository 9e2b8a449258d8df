# expect: error 2 The "tool" keyword was removed in Godot 4. Use the "@tool" annotation instead.
tool
extends Node2D

const DURATION_SECONDS := 20
