# A one-off copy between two accounts' buckets, each given as an s3:// path;
# the bucket names and prefixes are cut out of the paths with split() and
# slice(). Every DataSync resource is made in the source account.

variable "from_path" {
  type    = string
  default = "s3://team-a-archive-0042/exports/"
  validation {
    condition     = can(regex("^s3:\\/\\/([^\\/]+)(\\/|\\/(.*?([^\\/]+))){0,}$", var.from_path))
    error_message = "Give an s3:// path."
  }
}

variable "to_path" {
  type    = string
  default = "s3://team-b-landing-0042/exports/"
  validation {
    condition     = can(regex("^s3:\\/\\/([^\\/]+)(\\/|\\/(.*?([^\\/]+))){0,}$", var.to_path))
    error_message = "Give an s3:// path."
  }
}

variable "copy_name" {
  type    = string
  default = "migration-task"
}

variable "from_account" {
  type    = string
  default = "222233334444"
}

variable "to_account" {
  type    = string
  default = "555566667777"
}

locals {
  from_parts  = split("/", var.from_path)
  to_parts    = split("/", var.to_path)
  from_bucket = local.from_parts[2]
  to_bucket   = local.to_parts[2]
  from_prefix = "/${join("/", slice(local.from_parts, 3, length(local.from_parts)))}"
  to_prefix   = "/${join("/", slice(local.to_parts, 3, length(local.to_parts)))}"
}

provider "aws" {
  alias  = "from"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::${var.from_account}:role/copy-admin"
  }
}

provider "aws" {
  alias  = "to"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::${var.to_account}:role/copy-admin"
  }
}

data "aws_s3_bucket" "from" {
  provider = aws.from
  bucket   = local.from_bucket
}

data "aws_s3_bucket" "to" {
  provider = aws.to
  bucket   = local.to_bucket
}

resource "aws_iam_role" "copier" {
  provider = aws.from
  name     = "copier-${var.copy_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_s3" "from" {
  provider      = aws.from
  s3_bucket_arn = data.aws_s3_bucket.from.arn
  subdirectory  = local.from_prefix
  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_s3" "to" {
  provider      = aws.from
  s3_bucket_arn = data.aws_s3_bucket.to.arn
  subdirectory  = local.to_prefix
  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_task" "copy" {
  provider                 = aws.from
  destination_location_arn = aws_datasync_location_s3.to.arn
  source_location_arn      = aws_datasync_location_s3.from.arn
  name                     = var.copy_name
}
