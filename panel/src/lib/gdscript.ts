/** A small GDScript tokenizer for highlighting: enough for keywords, strings, comments, numbers and annotations. */
export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'annotation' | 'type' | 'function' | 'text'

export interface Token {
  kind: TokenKind
  text: string
}

const keywords = new Set(
  ('if elif else for while match break continue pass return class class_name extends is in as self signal func ' +
    'static const enum var await yield preload load breakpoint not and or true false null super void').split(' '),
)
const types = new Set(
  ('int float bool String Vector2 Vector2i Vector3 Color Array Dictionary Node Node2D RigidBody2D StaticBody2D ' +
    'CharacterBody2D Area2D CollisionShape2D Sprite2D Label Timer Camera2D PhysicsMaterial Callable Rect2 Transform2D ' +
    'PackedVector2Array CircleShape2D RectangleShape2D Polygon2D Line2D').split(' '),
)

const pattern =
  /(#.*$)|("""[\s\S]*?"""|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|(@[A-Za-z_]\w*)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b|\b0x[0-9a-fA-F]+\b)|([A-Za-z_]\w*)(?=\s*\()|([A-Za-z_]\w*)/gm

/** Tokens of one line (strings spanning lines are rare in generated scripts and shown as text past the first). */
export function tokenizeLine(line: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const match of line.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > last) tokens.push({ kind: 'text', text: line.slice(last, index) })
    const [text, comment, string, annotation, number, call, word] = match
    let kind: TokenKind = 'text'
    if (comment) kind = 'comment'
    else if (string) kind = 'string'
    else if (annotation) kind = 'annotation'
    else if (number) kind = 'number'
    else if (call) kind = keywords.has(call) ? 'keyword' : types.has(call) ? 'type' : 'function'
    else if (word) kind = keywords.has(word) ? 'keyword' : types.has(word) ? 'type' : 'text'
    tokens.push({ kind, text })
    last = index + text.length
  }
  if (last < line.length) tokens.push({ kind: 'text', text: line.slice(last) })
  return tokens
}
