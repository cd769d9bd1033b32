//! Expressions, patterns, statements and trait impls an emitter builds as a tree, for
//! [`layout`](super::layout) to write as lines. Only the forms the emitters use are here.
//! Paths and types are text, `a::B::<C>` or `<A as B<_>>::c`.

/// An expression.
pub enum Expr {
    /// A path: `value`, `Self::V`.
    Path(String),
    /// A literal: `"text"`, `1`.
    Lit(String),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `receiver.method(args)`; the method may carry a turbofish, `collect::<T>`.
    Method(Box<Expr>, String, Vec<Expr>),
    /// `base.field`.
    Field(Box<Expr>, String),
    /// `e?`.
    Try(Box<Expr>),
    /// `|params| body`, or `|params| -> ty { body }` with a return type.
    Closure(Vec<Pat>, Option<String>, Box<Expr>),
    /// `Path { field: value, shorthand }`.
    Struct(String, Vec<(String, Option<Expr>)>),
    /// `match e { arms }`.
    Match(Box<Expr>, Vec<(Pat, Expr)>),
    /// `return e`.
    Return(Box<Expr>),
    /// `*e`, `&e`.
    Prefix(&'static str, Box<Expr>),
    /// `(a, b)`.
    Tuple(Vec<Expr>),
    /// `{ e }`.
    Block(Box<Expr>),
    /// `a = b`.
    Assign(Box<Expr>, Box<Expr>),
    /// `if let pat = e { statements }`.
    IfLet(Pat, Box<Expr>, Vec<Stmt>),
}

/// A pattern.
pub enum Pat {
    /// `name`, `_`, a unit variant's path.
    Ident(String),
    /// `Path(a, b)`.
    TupleStruct(String, Vec<Pat>),
    /// `Path { a, b, .. }`; `rest` for the `..`.
    Struct(String, Vec<String>, bool),
    /// `(a, b)`.
    Tuple(Vec<Pat>),
}

/// A statement.
pub enum Stmt {
    /// `let pat = e;`
    Let(Pat, Expr),
    /// An expression with `;`.
    Semi(Expr),
    /// An expression without: the block's value, or an `if`.
    Expr(Expr),
}

/// `impl Trait for Type { type items; fn items }`, as one item.
pub struct Impl {
    /// The trait, `From<A>`.
    pub trait_: String,
    /// The type it is implemented for.
    pub ty: String,
    /// Associated types: name and type.
    pub types: Vec<(String, String)>,
    /// One method.
    pub method: Method,
}

/// `fn name(params) -> output { body }`.
pub struct Method {
    pub name: String,
    /// Parameters: pattern text and type.
    pub params: Vec<(String, String)>,
    pub output: String,
    pub body: Vec<Stmt>,
}

/// Builders, for short trees.
impl Expr {
    /// A literal.
    pub fn lit(text: impl Into<String>) -> Expr {
        Expr::Lit(text.into())
    }

    /// A path.
    pub fn path(text: impl Into<String>) -> Expr {
        Expr::Path(text.into())
    }

    /// `f(args)`, `f` a path.
    pub fn call(f: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Call(Box::new(Expr::path(f)), args)
    }

    /// `self.method(args)`.
    pub fn method(self, method: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Method(Box::new(self), method.into(), args)
    }

    /// `self?`.
    pub fn try_(self) -> Expr {
        Expr::Try(Box::new(self))
    }

    /// `|param| body`.
    pub fn closure(params: Vec<Pat>, body: Expr) -> Expr {
        Expr::Closure(params, None, Box::new(body))
    }
}

impl Pat {
    /// A name.
    pub fn ident(name: impl Into<String>) -> Pat {
        Pat::Ident(name.into())
    }
}
