# Words and signs that say nothing of the language: emoji, brand names.
lang any
negative 2 😡
negative 2 🤬
negative 2 😠
negative 2 👎
negative 2 😤
negative 1 😞
negative 1 😢
negative 1 😭
negative 2 💩
negative 1 😒
negative 1 🙄
negative 1 😕
negative 1 😩
positive 2 😍
positive 2 ❤
positive 2 ❤️
positive 2 👍
positive 2 😊
positive 2 🥰
positive 1.5 😀
positive 1.5 😃
positive 1.5 🙂
positive 2 💯
positive 2 ⭐
positive 1.5 👏
positive 0.5 🙏
